package dev.candela.training;

import dev.candela.gpu.Nd4jThreads;
import dev.candela.spi.BatchSizeControl;
import dev.candela.spi.MemoryReclaimer;
import dev.candela.spi.Profiler;
import dev.candela.spi.Trainer;
import dev.candela.spi.TrainingListener;
import jakarta.inject.Inject;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Progressive bucket training with Deeplearning4j, the {@code progressive} {@link Trainer}.
 *
 * <p>The rows are split into buckets (walk-forward windows, or volatility regimes calm to volatile). For
 * each bucket in turn: the current model is evaluated on it out of sample (classification metrics and a
 * trading evaluation with fees next to buy-and-hold), then a model that starts from the previous one
 * (DL4J transfer learning, optionally with frozen layers and a decayed learning rate) is fitted with early
 * stopping on the bucket's validation slice, a baseline is fitted from scratch for comparison, and
 * everything is checkpointed atomically. A killed run resumes from its last finished bucket and ends with
 * the same result as an uninterrupted one.
 *
 * <pre>{@code
 * Trainer trainer = new ProgressiveTrainer();
 * RunEnded end = trainer.train(new Trainer.Request(table, Map.of("buckets", Map.of("count", 4)),
 *         Path.of("runs/first"), false), new TrainingListener() { });
 * }</pre>
 *
 * <p>The trainer's mini-batch size ({@link #batchSizeControl()}) and its cache of bucket datasets
 * ({@link #datasetCache()}) may be handed to the optimizer. One instance runs one training at a time.
 */
public final class ProgressiveTrainer implements Trainer {
    /** The id under which the plugin registers this trainer. */
    public static final String ID = "progressive";

    private final Profiler profiler;
    private final MemoryGauge memory;
    private final MiniBatchSize batchSize;
    private final BucketDatasetCache cache;

    /** For {@link java.util.ServiceLoader}: records no timings. */
    public ProgressiveTrainer() {
        this(Profiler.disabled());
    }

    /** With the runtime's profiler, which times the sections {@code training.*}. */
    @Inject
    public ProgressiveTrainer(Profiler profiler) {
        this(profiler, MemoryGauge.system());
    }

    ProgressiveTrainer(Profiler profiler, MemoryGauge memory) {
        this.profiler = Objects.requireNonNull(profiler, "profiler");
        this.memory = Objects.requireNonNull(memory, "memory");
        TrainingSettings defaults = TrainingSettings.defaults();
        this.batchSize = new MiniBatchSize(defaults.model().batchSize());
        this.cache = new BucketDatasetCache(defaults.memory().cacheBytes());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "progressive bucket training (DL4J MLP or LSTM) with transfer between buckets, a from-scratch "
                + "baseline, checkpoints and resume";
    }

    /** The mini-batch size, which an optimizer may shrink under memory pressure (from the next epoch on). */
    public BatchSizeControl batchSizeControl() {
        return batchSize;
    }

    /** The cache of bucket datasets, which an optimizer may ask to give memory back. */
    public MemoryReclaimer datasetCache() {
        return cache;
    }

    @Override
    public TrainingListener.RunEnded train(Request request, TrainingListener listener) throws IOException {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(listener, "listener");
        TrainingSettings settings = TrainingSettings.fromMap(request.config());
        RunFolder folder = new RunFolder(request.runDirectory());
        if (request.resume()) {
            Map<String, Object> started = folder.readConfig();
            if (!TrainingSettings.fromMap(started).equals(settings)) {
                throw new IllegalArgumentException("cannot resume " + request.runDirectory() + ": it was started with "
                        + "another configuration (" + firstDifference(started, settings.toMap(), "") + ")");
            }
        } else if (folder.hasRun()) {
            throw new IllegalArgumentException(request.runDirectory() + " already holds a run; resume it or choose "
                    + "another folder");
        }
        Datasets.check(request.data(), settings.model());
        List<BucketPlan.Bucket> plan = profiler.time("training.plan", () -> BucketPlan.plan(request.data(), settings));
        Nd4jThreads.apply(settings.threads() != null ? settings.threads() : Runtime.getRuntime().availableProcessors(),
                settings.opThreads());
        batchSize.set(settings.model().batchSize());
        cache.resize(settings.memory().cacheBytes());
        cache.reclaim(MemoryReclaimer.Pressure.CRITICAL);
        if (!request.resume()) {
            folder.writeConfig(settings);
            folder.writeFeatures(request.data());
        } else if (Files.isRegularFile(request.runDirectory().resolve(RunFolder.FEATURES))) {
            Optional<String> mismatch = folder.readFeatures().mismatch(request.data());
            if (mismatch.isPresent()) {
                throw new IllegalArgumentException("cannot resume " + request.runDirectory() + " on another feature "
                        + "table: " + mismatch.get() + " (" + RunFolder.FEATURES + ")");
            }
        } else {
            folder.writeFeatures(request.data());
        }
        try (EventLogListener log = EventLogListener.open(request.runDirectory())) {
            TrainingListener events = TrainingListener.all(List.of(log, listener));
            return new ProgressiveRun(request.data(), settings, plan, folder, events, profiler, memory, batchSize,
                    cache).run();
        } finally {
            cache.reclaim(MemoryReclaimer.Pressure.CRITICAL);
        }
    }

    private static String firstDifference(Object a, Object b, String path) {
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            for (Object key : ma.keySet()) {
                String p = path.isEmpty() ? key.toString() : path + "." + key;
                if (!Objects.equals(ma.get(key), mb.get(key))) {
                    return firstDifference(ma.get(key), mb.get(key), p);
                }
            }
            for (Object key : mb.keySet()) {
                if (!ma.containsKey(key)) {
                    return (path.isEmpty() ? "" : path + ".") + key;
                }
            }
        }
        return "'" + path + "' was " + a + ", is " + b;
    }
}
