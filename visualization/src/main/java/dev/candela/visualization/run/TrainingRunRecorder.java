package dev.candela.visualization.run;

import dev.candela.spi.TrainingListener;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Builds a {@link TrainingRun} from training events as they happen. Thread-safe: training calls the
 * listener methods on its own thread while readers take {@link #snapshot()}s; each handler only
 * updates a few fields under a lock.
 *
 * <p>A resumed run repeats {@code run-started}; a bucket that starts again (it was interrupted) drops
 * the epochs and checkpoints of its earlier attempt, so its curve shows the attempt that counts.
 */
public final class TrainingRunRecorder implements TrainingListener {

    private final Object lock = new Object();
    private String runId = "";
    private String trainer = "";
    private int bucketCount;
    private long startedMillis;
    private final TreeMap<Integer, MutableBucket> buckets = new TreeMap<>();
    private final List<TransferDone> transfers = new ArrayList<>();
    private Map<String, Double> summary = Map.of();
    private TrainingRun.Status status = TrainingRun.Status.WAITING;
    private long version;

    @Override
    public void onRunStart(RunStarted event) {
        synchronized (lock) {
            runId = event.runId();
            trainer = event.trainer();
            bucketCount = event.bucketCount();
            if (startedMillis == 0) {
                startedMillis = event.epochMillis();
            }
            status = TrainingRun.Status.RUNNING;
            version++;
        }
    }

    @Override
    public void onBucketStart(BucketStarted event) {
        synchronized (lock) {
            buckets.put(event.bucket(), new MutableBucket(event));
            bucketCount = Math.max(bucketCount, event.bucketCount());
            version++;
        }
    }

    @Override
    public void onEpochEnd(EpochEnded event) {
        synchronized (lock) {
            bucket(event.bucket()).epochs.add(event);
            version++;
        }
    }

    @Override
    public void onTransfer(TransferDone event) {
        synchronized (lock) {
            // A resumed run may transfer into the same bucket again; the latest transfer is the one that counts.
            transfers.removeIf(t -> t.toBucket() == event.toBucket());
            transfers.add(event);
            version++;
        }
    }

    @Override
    public void onCheckpoint(CheckpointWritten event) {
        synchronized (lock) {
            bucket(event.bucket()).checkpoints.add(event);
            version++;
        }
    }

    @Override
    public void onBucketEnd(BucketEnded event) {
        synchronized (lock) {
            MutableBucket b = bucket(event.bucket());
            b.epochCount = OptionalLong.of(event.epochs());
            b.metrics = event.metrics();
            version++;
        }
    }

    @Override
    public void onRunEnd(RunEnded event) {
        synchronized (lock) {
            for (BucketEnded ended : event.buckets()) {
                MutableBucket b = bucket(ended.bucket());
                if (b.epochCount.isEmpty()) {
                    b.epochCount = OptionalLong.of(ended.epochs());
                    b.metrics = ended.metrics();
                }
            }
            summary = event.summary();
            status = event.completed() ? TrainingRun.Status.COMPLETED : TrainingRun.Status.STOPPED;
            version++;
        }
    }

    /** How many events have changed the run so far; grows by one with each event. */
    public long version() {
        synchronized (lock) {
            return version;
        }
    }

    /** The run as recorded so far. */
    public TrainingRun snapshot() {
        synchronized (lock) {
            List<TrainingRun.Bucket> list = new ArrayList<>(buckets.size());
            for (MutableBucket b : buckets.values()) {
                list.add(b.freeze());
            }
            return new TrainingRun(runId, trainer, bucketCount, startedMillis, list, transfers, summary, status);
        }
    }

    private MutableBucket bucket(int index) {
        // Events for a bucket whose start was not seen (e.g. a file that begins mid-run) still count.
        return buckets.computeIfAbsent(index, MutableBucket::new);
    }

    private static final class MutableBucket {
        final int index;
        final long fromMillis;
        final long toMillis;
        final int trainRows;
        final int validationRows;
        final List<EpochEnded> epochs = new ArrayList<>();
        final List<CheckpointWritten> checkpoints = new ArrayList<>();
        OptionalLong epochCount = OptionalLong.empty();
        Map<String, Double> metrics = Map.of();

        MutableBucket(BucketStarted started) {
            index = started.bucket();
            fromMillis = started.fromMillis();
            toMillis = started.toMillis();
            trainRows = started.trainRows();
            validationRows = started.validationRows();
        }

        MutableBucket(int index) {
            this.index = index;
            fromMillis = 0;
            toMillis = 0;
            trainRows = 0;
            validationRows = 0;
        }

        TrainingRun.Bucket freeze() {
            return new TrainingRun.Bucket(index, fromMillis, toMillis, trainRows, validationRows, epochs, checkpoints,
                    epochCount, metrics);
        }
    }
}
