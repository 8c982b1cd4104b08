package dev.candela.optimizer;

import dev.candela.core.features.cache.FeatureCache;
import dev.candela.core.features.cache.FeatureCacheStats;
import dev.candela.core.hardware.HardwareReport;
import dev.candela.optimizer.report.ActionTaken;
import dev.candela.optimizer.report.HardwareSummary;
import dev.candela.optimizer.report.OptimizerReport;
import dev.candela.optimizer.report.ResourceSample;
import dev.candela.optimizer.report.ResourceSummary;
import dev.candela.optimizer.report.Resources;
import dev.candela.optimizer.report.SectionProfile;
import dev.candela.optimizer.report.Suggestion;
import dev.candela.optimizer.report.Thresholds;
import dev.candela.spi.BatchSizeControl;
import dev.candela.spi.DeviceMemoryGauge;
import dev.candela.spi.MemoryReclaimer;
import dev.candela.spi.Profiler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The {@link PerformanceOptimizer}: a recording profiler plus a daemon thread that samples and acts. */
final class MonitoringOptimizer implements PerformanceOptimizer {
    private static final Logger LOG = LoggerFactory.getLogger(MonitoringOptimizer.class);

    private final HardwareReport hardware;
    private final Thresholds thresholds;
    private final long intervalMillis;
    private final int historyLimit;
    private final RecordingProfiler profiler;
    private final List<MemoryReclaimer> reclaimers = new CopyOnWriteArrayList<>();
    private final List<BatchSizeControl> batches = new CopyOnWriteArrayList<>();
    private final List<DeviceMemoryGauge> gauges = new CopyOnWriteArrayList<>();
    private final List<FeatureCache> caches = new CopyOnWriteArrayList<>();
    private final ResourceSampler sampler;
    private final PressureResponse response;
    private final ArrayDeque<ResourceSample> history = new ArrayDeque<>();
    private final List<ActionTaken> actions = new ArrayList<>();
    private ScheduledExecutorService monitor;
    private boolean closed;
    private boolean samplerFailed;

    MonitoringOptimizer(PerformanceOptimizer.Builder b) {
        this.hardware = b.hardware;
        this.thresholds = ThresholdPolicy.resolve(b.config, b.hardware);
        this.intervalMillis = b.interval != null ? b.interval.toMillis() : b.config.optimizer().sampleIntervalMillis();
        this.historyLimit = b.historyLimit;
        this.profiler = new RecordingProfiler(b.registry);
        this.sampler = b.sampler != null ? b.sampler : new SystemResourceSampler(gauges);
        this.response = new PressureResponse(thresholds, reclaimers, batches, b.gc, this::record);
        LOG.debug("optimizer thresholds {}, sampling every {} ms", thresholds, intervalMillis);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Profiler profiler() {
        return profiler;
    }

    @Override
    public void register(MemoryReclaimer reclaimer) {
        reclaimers.add(Objects.requireNonNull(reclaimer, "reclaimer"));
    }

    @Override
    public void register(BatchSizeControl control) {
        batches.add(Objects.requireNonNull(control, "control"));
    }

    @Override
    public void register(DeviceMemoryGauge gauge) {
        gauges.add(Objects.requireNonNull(gauge, "gauge"));
    }

    @Override
    public void watch(FeatureCache cache) {
        Objects.requireNonNull(cache, "cache");
        if (!caches.contains(cache)) {
            caches.add(cache);
            register(cache);
        }
    }

    @Override
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("the optimizer is closed");
        }
        if (monitor != null) {
            return;
        }
        monitor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "candela-optimizer-monitor");
            t.setDaemon(true);
            return t;
        });
        monitor.scheduleAtFixedRate(this::sampleNow, 0, intervalMillis, TimeUnit.MILLISECONDS);
        LOG.debug("resource monitoring started, every {} ms", intervalMillis);
    }

    @Override
    public void sampleNow() {
        ResourceSample sample;
        try {
            sample = sampler.sample();
        } catch (RuntimeException e) {
            // A failing reading must not stop the monitor; the next interval tries again.
            synchronized (this) {
                if (!samplerFailed) {
                    samplerFailed = true;
                    LOG.warn("a resource sample failed: {}", e.toString());
                }
            }
            return;
        }
        synchronized (this) {
            history.addLast(sample);
            while (history.size() > historyLimit) {
                history.removeFirst();
            }
            response.onSample(sample);
        }
    }

    private void record(ActionTaken action) {
        actions.add(action);
    }

    @Override
    public List<SectionProfile> profile() {
        return profiler.snapshot();
    }

    @Override
    public synchronized List<ResourceSample> samples() {
        return List.copyOf(history);
    }

    @Override
    public synchronized List<ActionTaken> actions() {
        return List.copyOf(actions);
    }

    @Override
    public Thresholds thresholds() {
        return thresholds;
    }

    @Override
    public List<Suggestion> suggestions() {
        return suggestions(profile(), samples());
    }

    private List<Suggestion> suggestions(List<SectionProfile> profile, List<ResourceSample> samples) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (BatchSizeControl b : batches) {
            sizes.put(b.name(), b.batchSize());
        }
        return SuggestionRules.evaluate(new SuggestionRules.Evidence(profile, samples, ResourceSummary.of(samples),
                thresholds, hardware.cuda().usable(), sizes, cacheStats()));
    }

    /** The counters of all watched caches added up; {@code null} without a cache. */
    private FeatureCacheStats cacheStats() {
        if (caches.isEmpty()) {
            return null;
        }
        long hits = 0, misses = 0, evictions = 0, evicted = 0, failures = 0, reclaimed = 0, entries = 0, bytes = 0, max = 0;
        for (FeatureCache c : caches) {
            FeatureCacheStats s = c.stats();
            hits += s.hits();
            misses += s.misses();
            evictions += s.evictions();
            evicted += s.evictedBytes();
            failures += s.loadFailures();
            reclaimed += s.reclaimedBytes();
            entries += s.entries();
            bytes += s.bytes();
            max += s.maxBytes();
        }
        return new FeatureCacheStats(hits, misses, evictions, evicted, failures, reclaimed, entries, bytes, max);
    }

    @Override
    public OptimizerReport report(List<String> command, long wallNanos) {
        List<SectionProfile> profile = profile();
        List<ResourceSample> samples = samples();
        return OptimizerReport.create(command, wallNanos, HardwareSummary.of(hardware), thresholds, profile,
                new Resources(intervalMillis, ResourceSummary.of(samples), samples), actions(),
                suggestions(profile, samples));
    }

    @Override
    public void close() {
        ScheduledExecutorService running;
        synchronized (this) {
            closed = true;
            running = monitor;
            monitor = null;
        }
        if (running == null) {
            return;
        }
        running.shutdown();
        try {
            if (!running.awaitTermination(5, TimeUnit.SECONDS)) {
                running.shutdownNow();
            }
        } catch (InterruptedException e) {
            running.shutdownNow();
            Thread.currentThread().interrupt();
        }
        LOG.debug("resource monitoring stopped");
    }

    @Override
    public String toString() {
        return "PerformanceOptimizer[" + thresholds + ", every " + intervalMillis + " ms]";
    }
}
