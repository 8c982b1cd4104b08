package dev.candela.visualization.run;

import dev.candela.spi.TrainingListener.CheckpointWritten;
import dev.candela.spi.TrainingListener.EpochEnded;
import dev.candela.spi.TrainingListener.TransferDone;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What is known of one progressive training run: its buckets with their epochs and final metrics, the
 * transfers between buckets, and the run's summary. An immutable snapshot, built from the run's
 * {@code events.jsonl} by {@link TrainingRunReader} or live by a {@link TrainingRunRecorder}.
 *
 * @param runId        the run's id, empty until the run has started
 * @param trainer      the trainer's name
 * @param bucketCount  buckets the run will train, 0 until known
 * @param startedMillis epoch milliseconds of the (first) start, or 0 when unknown
 * @param buckets      buckets that have started, by ascending index
 * @param transfers    transfers in the order they happened
 * @param summary      the run's summary metrics once it has ended
 * @param status       where the run stands
 */
public record TrainingRun(String runId, String trainer, int bucketCount, long startedMillis, List<Bucket> buckets,
                          List<TransferDone> transfers, Map<String, Double> summary, Status status) {

    public TrainingRun {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(trainer, "trainer");
        buckets = List.copyOf(buckets);
        transfers = List.copyOf(transfers);
        summary = Map.copyOf(summary);
        Objects.requireNonNull(status, "status");
    }

    /** Where a run stands. */
    public enum Status {
        /** No event yet. */
        WAITING,
        /** Started and not ended. */
        RUNNING,
        /** Ended with every bucket trained. */
        COMPLETED,
        /** Ended early. */
        STOPPED
    }

    /** The bucket with index {@code index}, if it has started. */
    public Optional<Bucket> bucket(int index) {
        return buckets.stream().filter(b -> b.index() == index).findFirst();
    }

    /** Number of buckets whose training has ended. */
    public int endedBuckets() {
        return (int) buckets.stream().filter(Bucket::ended).count();
    }

    /**
     * One bucket of the run.
     *
     * @param index          0-based bucket index
     * @param fromMillis     first time of its data (epoch milliseconds)
     * @param toMillis       end of its data (epoch milliseconds)
     * @param trainRows      training rows after the validation split
     * @param validationRows validation rows
     * @param epochs         epochs in the order they ended (of the latest attempt, after a resume)
     * @param checkpoints    checkpoints written for it
     * @param epochCount     epochs trained, once it has ended
     * @param metrics        its out-of-sample, validation and trading metrics, once it has ended
     */
    public record Bucket(int index, long fromMillis, long toMillis, int trainRows, int validationRows,
                         List<EpochEnded> epochs, List<CheckpointWritten> checkpoints, OptionalLong epochCount,
                         Map<String, Double> metrics) {

        public Bucket {
            epochs = List.copyOf(epochs);
            checkpoints = List.copyOf(checkpoints);
            Objects.requireNonNull(epochCount, "epochCount");
            metrics = Map.copyOf(metrics);
        }

        /** Whether its training has ended. */
        public boolean ended() {
            return epochCount.isPresent();
        }

        /** A metric's value, {@code NaN} when absent. */
        public double metric(String key) {
            Double v = metrics.get(key);
            return v != null ? v : Double.NaN;
        }
    }
}
