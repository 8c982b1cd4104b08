package dev.candela.optimizer;

import dev.candela.core.features.cache.FeatureCacheStats;
import dev.candela.optimizer.report.GpuMemorySample;
import dev.candela.optimizer.report.HumanReadable;
import dev.candela.optimizer.report.ResourceSample;
import dev.candela.optimizer.report.ResourceSummary;
import dev.candela.optimizer.report.SectionProfile;
import dev.candela.optimizer.report.Suggestion;
import dev.candela.optimizer.report.Thresholds;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The suggestion rules. Each looks at one kind of evidence, fires only when the numbers show the problem,
 * and says what it saw and what to change:
 * <ul>
 *   <li>{@code hot-function}: a section with more than {@value #HOT_SHARE_PERCENT}% of all profiled self time.</li>
 *   <li>{@code gc-overhead}: garbage collection took more than {@value #GC_SHARE_PERCENT}% of the wall time.</li>
 *   <li>{@code memory-near-threshold}: peak heap or physical memory came within {@value #NEAR_POINTS} points of
 *       the memory threshold.</li>
 *   <li>{@code gpu-idle-cpu-saturated}: CPU load at or above its threshold while a usable GPU held less than
 *       {@value #IDLE_GPU_PERCENT}% of its memory (or was not used at all).</li>
 *   <li>{@code low-cache-hit-rate}: the feature cache answered fewer than half of at least
 *       {@value #MIN_CACHE_REQUESTS} requests and evicted values to stay in bounds.</li>
 *   <li>{@code small-batch}: a batch size the optimizer may change while the GPU's memory peaked below
 *       {@value #SMALL_BATCH_PERCENT}%.</li>
 * </ul>
 */
final class SuggestionRules {
    static final int HOT_SHARE_PERCENT = 30;
    static final int GC_SHARE_PERCENT = 10;
    static final int NEAR_POINTS = 5;
    static final int IDLE_GPU_PERCENT = 10;
    static final int MIN_CACHE_REQUESTS = 20;
    static final int SMALL_BATCH_PERCENT = 25;

    private SuggestionRules() {
    }

    /**
     * Everything the rules look at.
     *
     * @param profile     the profile table
     * @param samples     the resource samples, oldest first
     * @param summary     their summary
     * @param thresholds  the thresholds acted on
     * @param cudaUsable  whether the machine can run the GPU backend
     * @param batchSizes  current batch sizes by name
     * @param cache       the feature cache's counters, {@code null} without one
     */
    record Evidence(List<SectionProfile> profile, List<ResourceSample> samples, ResourceSummary summary,
                    Thresholds thresholds, boolean cudaUsable, Map<String, Integer> batchSizes,
                    FeatureCacheStats cache) {
    }

    static List<Suggestion> evaluate(Evidence e) {
        List<Suggestion> out = new ArrayList<>();
        hotFunctions(e, out);
        gcOverhead(e, out);
        memoryNearThreshold(e, out);
        gpuIdleWhileCpuSaturated(e, out);
        lowCacheHitRate(e, out);
        smallBatches(e, out);
        return out;
    }

    private static void hotFunctions(Evidence e, List<Suggestion> out) {
        long allSelf = e.profile().stream().mapToLong(SectionProfile::selfNanos).sum();
        for (SectionProfile p : e.profile()) {
            if (p.share() * 100 <= HOT_SHARE_PERCENT) {
                continue;
            }
            String evidence = String.format(Locale.ROOT, "self %s of %s profiled (%s) over %d calls; mean %s, p99 %s",
                    HumanReadable.duration(p.selfNanos()), HumanReadable.duration(allSelf),
                    HumanReadable.percent(p.share()), p.calls(), HumanReadable.duration(Math.round(p.meanNanos())),
                    HumanReadable.duration(p.p99Nanos()));
            String saving = String.format(Locale.ROOT, "halving it saves %s of the profiled time",
                    HumanReadable.percent(p.share() / 2));
            String action;
            if (p.name().startsWith("indicator:")) {
                action = "Compute " + p.name().substring("indicator:".length())
                        + (e.cudaUsable() ? " on the GPU backend (--backend gpu) or" : "")
                        + " for many symbols per call (one call splits a batch across the cores), and serve "
                        + "repeated runs from the feature cache; " + saving + ".";
            } else if (p.name().startsWith("features.")) {
                action = "Keep the feature cache on and large enough (cache.maxBytes) so that unchanged "
                        + "(data, timeframe, indicator) columns are not recomputed; " + saving + ".";
            } else if (p.name().equals("training.baseline")) {
                action = "Turn the from-scratch baseline off (\"baseline\": {\"enabled\": false}) once transfer has "
                        + "proven itself on this data: it is a second fit of every bucket; " + saving + ".";
            } else if (p.name().startsWith("training.")) {
                action = (e.cudaUsable()
                        ? "Train on the GPU backend and raise the mini-batch size while GPU memory allows"
                        : "Raise the mini-batch size (model.batchSize: larger batches keep the cores' BLAS busy) or "
                                + "cap fit.maxEpochs and fit.patience")
                        + "; " + saving + ".";
            } else {
                action = "Optimise " + p.name() + " before anything else: it bounds every other speed-up; "
                        + saving + ".";
            }
            out.add(new Suggestion("hot-function", Suggestion.WARNING,
                    p.name() + " takes " + HumanReadable.percent(p.share()) + " of the profiled time", evidence,
                    action));
        }
    }

    private static void gcOverhead(Evidence e, List<Suggestion> out) {
        ResourceSummary s = e.summary();
        if (Double.isNaN(s.gcTimeShare()) || s.gcTimeShare() * 100 <= GC_SHARE_PERCENT) {
            return;
        }
        String evidence = String.format(Locale.ROOT, "GC %s of the wall time; heap peak %s of %s max",
                HumanReadable.percent(s.gcTimeShare()), HumanReadable.bytes(s.heapUsedMaxBytes()),
                HumanReadable.bytes(s.heapMaxBytes()));
        String action = String.format(Locale.ROOT, "Give the JVM more heap (-Xmx%dm, twice the peak) or allocate "
                        + "less per call%s.", Math.max(1, 2 * s.heapUsedMaxBytes() >> 20),
                e.cache() != null && e.cache().maxBytes() > 0
                        ? "; or lower cache.maxBytes (now " + HumanReadable.bytes(e.cache().maxBytes()) + ")" : "");
        out.add(new Suggestion("gc-overhead", Suggestion.WARNING, "Garbage collection takes "
                + HumanReadable.percent(s.gcTimeShare()) + " of the time", evidence, action));
    }

    private static void memoryNearThreshold(Evidence e, List<Suggestion> out) {
        ResourceSummary s = e.summary();
        double limit = e.thresholds().memory() - NEAR_POINTS / 100.0;
        double heap = s.heapMaxBytes() > 0 ? (double) s.heapUsedMaxBytes() / s.heapMaxBytes() : 0;
        double ram = s.systemMemoryTotalBytes() > 0 ? (double) s.systemMemoryUsedMaxBytes() / s.systemMemoryTotalBytes() : 0;
        if (heap >= limit) {
            out.add(new Suggestion("memory-near-threshold", Suggestion.WARNING,
                    "The heap came within " + NEAR_POINTS + " points of the memory threshold",
                    String.format(Locale.ROOT, "heap peak %s of %s (%s); threshold %s",
                            HumanReadable.bytes(s.heapUsedMaxBytes()), HumanReadable.bytes(s.heapMaxBytes()),
                            HumanReadable.percent(heap), HumanReadable.percent(e.thresholds().memory())),
                    String.format(Locale.ROOT, "Raise the heap to -Xmx%dm, or lower cache.maxBytes or the batch size "
                            + "so that the optimizer does not have to drop caches.",
                            Math.max(1, (long) (s.heapUsedMaxBytes() / (e.thresholds().memory() - 0.2)) >> 20))));
        }
        if (ram >= limit) {
            out.add(new Suggestion("memory-near-threshold", Suggestion.WARNING,
                    "Physical memory came within " + NEAR_POINTS + " points of the memory threshold",
                    String.format(Locale.ROOT, "memory peak %s of %s (%s); threshold %s",
                            HumanReadable.bytes(s.systemMemoryUsedMaxBytes()),
                            HumanReadable.bytes(s.systemMemoryTotalBytes()), HumanReadable.percent(ram),
                            HumanReadable.percent(e.thresholds().memory())),
                    "Run fewer memory-hungry processes beside this one, lower -Xmx or cache.maxBytes, or use a "
                            + "machine with more memory."));
        }
    }

    private static void gpuIdleWhileCpuSaturated(Evidence e, List<Suggestion> out) {
        ResourceSummary s = e.summary();
        double cpu = Double.isNaN(s.systemCpuMean()) ? s.processCpuMean() : s.systemCpuMean();
        if (!e.cudaUsable() || Double.isNaN(cpu) || cpu < e.thresholds().cpu()) {
            return;
        }
        double gpuPeak = 0;
        boolean gpuSeen = false;
        for (ResourceSample sample : e.samples()) {
            for (GpuMemorySample g : sample.gpus()) {
                gpuSeen = true;
                gpuPeak = Math.max(gpuPeak, g.utilisation());
            }
        }
        if (gpuPeak * 100 >= IDLE_GPU_PERCENT) {
            return;
        }
        String gpu = gpuSeen ? "GPU memory peaked at " + HumanReadable.percent(gpuPeak)
                : "no GPU work was seen (the CPU backend ran)";
        out.add(new Suggestion("gpu-idle-cpu-saturated", Suggestion.WARNING,
                "The CPU was saturated while the GPU stood idle",
                "CPU load mean " + HumanReadable.percent(cpu) + " >= threshold "
                        + HumanReadable.percent(e.thresholds().cpu()) + "; " + gpu,
                "Run on the GPU backend (--backend gpu, or \"backend\": \"gpu\" in candela.json) so that batched "
                        + "indicators and training move to the idle device."));
    }

    private static void lowCacheHitRate(Evidence e, List<Suggestion> out) {
        FeatureCacheStats c = e.cache();
        if (c == null || c.hits() + c.misses() < MIN_CACHE_REQUESTS || c.hitRate() >= 0.5 || c.evictions() == 0) {
            return;
        }
        long wanted = c.bytes() + c.evictedBytes();
        out.add(new Suggestion("low-cache-hit-rate", Suggestion.WARNING,
                "The feature cache answered only " + HumanReadable.percent(c.hitRate()) + " of requests",
                String.format(Locale.ROOT, "%d hits, %d misses, %d evictions (%s evicted); holds %s of %s",
                        c.hits(), c.misses(), c.evictions(), HumanReadable.bytes(c.evictedBytes()),
                        HumanReadable.bytes(c.bytes()), HumanReadable.bytes(c.maxBytes())),
                String.format(Locale.ROOT, "Raise cache.maxBytes from %d to at least %d (what was held plus what was "
                        + "evicted), with -Xmx to match.", c.maxBytes(), wanted)));
    }

    private static void smallBatches(Evidence e, List<Suggestion> out) {
        if (e.batchSizes().isEmpty()) {
            return;
        }
        double gpuPeak = -1;
        for (ResourceSample sample : e.samples()) {
            for (GpuMemorySample g : sample.gpus()) {
                gpuPeak = Math.max(gpuPeak, g.utilisation());
            }
        }
        if (gpuPeak < 0 || gpuPeak * 100 >= SMALL_BATCH_PERCENT) {
            return;
        }
        // Memory grows about linearly with the batch; aim at 80% of the threshold.
        double room = e.thresholds().gpuMemory() * 0.8 / Math.max(gpuPeak, 0.01);
        int factor = (int) Math.max(2, Math.min(16, Math.floor(room)));
        for (Map.Entry<String, Integer> b : e.batchSizes().entrySet()) {
            out.add(new Suggestion("small-batch", Suggestion.INFO,
                    "Batch " + b.getKey() + " is small for the device",
                    "batch size " + b.getValue() + "; GPU memory peaked at " + HumanReadable.percent(gpuPeak)
                            + " (threshold " + HumanReadable.percent(e.thresholds().gpuMemory()) + ")",
                    "Raise " + b.getKey() + " from " + b.getValue() + " to " + ((long) b.getValue() * factor)
                            + "; the optimizer shrinks it again if device memory runs short."));
        }
    }
}
