package dev.candela.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Receives the events of a training run. Every method has an empty default; the optimizer, the
 * dashboard and the CLI's progress bar each override what they need. Called on the training thread:
 * keep handlers short.
 */
public interface TrainingListener {

    default void onRunStart(RunStarted event) {
    }

    default void onBucketStart(BucketStarted event) {
    }

    default void onEpochEnd(EpochEnded event) {
    }

    default void onTransfer(TransferDone event) {
    }

    default void onCheckpoint(CheckpointWritten event) {
    }

    default void onBucketEnd(BucketEnded event) {
    }

    default void onRunEnd(RunEnded event) {
    }

    /** A listener that forwards every event to each of {@code listeners} in order. */
    static TrainingListener all(List<? extends TrainingListener> listeners) {
        List<TrainingListener> copy = List.copyOf(listeners);
        return new TrainingListener() {
            @Override
            public void onRunStart(RunStarted e) {
                copy.forEach(l -> l.onRunStart(e));
            }

            @Override
            public void onBucketStart(BucketStarted e) {
                copy.forEach(l -> l.onBucketStart(e));
            }

            @Override
            public void onEpochEnd(EpochEnded e) {
                copy.forEach(l -> l.onEpochEnd(e));
            }

            @Override
            public void onTransfer(TransferDone e) {
                copy.forEach(l -> l.onTransfer(e));
            }

            @Override
            public void onCheckpoint(CheckpointWritten e) {
                copy.forEach(l -> l.onCheckpoint(e));
            }

            @Override
            public void onBucketEnd(BucketEnded e) {
                copy.forEach(l -> l.onBucketEnd(e));
            }

            @Override
            public void onRunEnd(RunEnded e) {
                copy.forEach(l -> l.onRunEnd(e));
            }
        };
    }

    /** The run begins (or resumes at {@code firstBucket}). */
    record RunStarted(String runId, String trainer, int bucketCount, int firstBucket, long epochMillis) {
    }

    /** Training on bucket {@code bucket} (0-based) begins; rows are counted after the validation split. */
    record BucketStarted(int bucket, int bucketCount, long fromMillis, long toMillis, int trainRows, int validationRows) {
    }

    /** One epoch finished; {@code metrics} holds e.g. {@code accuracy}, {@code f1}. */
    record EpochEnded(int bucket, int epoch, double trainLoss, double validationLoss, Map<String, Double> metrics,
                      long elapsedNanos) {
        public EpochEnded {
            metrics = Map.copyOf(metrics);
        }
    }

    /** Knowledge moved from one bucket's model to the next; {@code mode} says how (e.g. {@code full}, {@code parameters-only}). */
    record TransferDone(int fromBucket, int toBucket, String mode, long bytes) {
    }

    /** A checkpoint was written atomically. */
    record CheckpointWritten(int bucket, Path path, long bytes) {
    }

    /** Bucket finished; {@code metrics} holds out-of-sample and validation results. */
    record BucketEnded(int bucket, int epochs, Map<String, Double> metrics) {
        public BucketEnded {
            metrics = Map.copyOf(metrics);
        }
    }

    /** The run ended; {@code completed} is false when it stopped early. */
    record RunEnded(String runId, Path runDirectory, List<BucketEnded> buckets, Map<String, Double> summary,
                    boolean completed) {
        public RunEnded {
            buckets = List.copyOf(buckets);
            summary = Map.copyOf(summary);
        }
    }
}
