package dev.candela.optimizer;

import dev.candela.core.features.cache.FeatureCacheStats;
import dev.candela.optimizer.report.GpuMemorySample;
import dev.candela.optimizer.report.ResourceSample;
import dev.candela.optimizer.report.ResourceSummary;
import dev.candela.optimizer.report.SectionProfile;
import dev.candela.optimizer.report.Suggestion;
import dev.candela.optimizer.report.Thresholds;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each rule against evidence that shows its problem and against evidence just short of it. */
class SuggestionRulesTest {
    private static final long GIB = Machines.GIB;
    private static final Thresholds THRESHOLDS = new Thresholds(0.9, 0.8, 0.9, false);

    private static SectionProfile section(String name, long selfNanos, double share) {
        return new SectionProfile(name, 10, selfNanos, selfNanos, selfNanos / 10.0, 1, selfNanos, 1, 1, 1, share);
    }

    /** Samples one second apart with the given loads, heap and cumulative GC milliseconds. */
    private static List<ResourceSample> samples(double cpu, double heap, long[] gcMillis, List<GpuMemorySample> gpus) {
        List<ResourceSample> out = new ArrayList<>();
        for (int i = 0; i < gcMillis.length; i++) {
            out.add(new ResourceSample(1_000L * i, cpu, cpu, 2 * GIB, 8 * GIB, (long) (heap * GIB), GIB, gcMillis[i], 0,
                    0, 0, gpus));
        }
        return out;
    }

    private static List<Suggestion> evaluate(List<SectionProfile> profile, List<ResourceSample> samples,
                                             boolean cuda, Map<String, Integer> batches, FeatureCacheStats cache) {
        return SuggestionRules.evaluate(new SuggestionRules.Evidence(profile, samples, ResourceSummary.of(samples),
                THRESHOLDS, cuda, batches, cache));
    }

    private static List<String> rules(List<Suggestion> suggestions) {
        return suggestions.stream().map(Suggestion::rule).toList();
    }

    private static final long[] NO_GC = {0, 0, 0};
    private static final List<ResourceSample> QUIET = samples(0.2, 0.3, NO_GC, List.of());

    @Test
    void quietEvidenceGivesNoSuggestions() {
        List<SectionProfile> balanced = List.of(section("a", 30, 0.3), section("b", 30, 0.3), section("c", 25, 0.25),
                section("d", 15, 0.15));
        assertEquals(List.of(), evaluate(balanced, QUIET, true, Map.of(), null));
    }

    @Test
    void aSectionOverThirtyPercentOfSelfTimeIsHotAndItsActionFitsItsKind() {
        List<Suggestion> s = evaluate(List.of(section("indicator:rsi", 60, 0.6), section("features.merge", 30, 0.3),
                section("x", 10, 0.1)), QUIET, false, Map.of(), null);
        assertEquals(List.of("hot-function"), rules(s), "30% exactly is not over 30%");
        assertTrue(s.get(0).message().startsWith("indicator:rsi takes 60.0%"), s.get(0).message());
        assertTrue(s.get(0).action().contains("many symbols per call"), s.get(0).action());
        assertFalse(s.get(0).action().contains("GPU"), "no GPU advice on a machine that cannot use one");
        assertTrue(s.get(0).action().contains("halving it saves 30.0%"), s.get(0).action());

        List<Suggestion> withGpu = evaluate(List.of(section("indicator:rsi", 60, 0.6), section("x", 40, 0.4)), QUIET,
                true, Map.of(), null);
        assertTrue(withGpu.get(0).action().contains("on the GPU backend"), withGpu.get(0).action());
    }

    @Test
    void hotTrainingSectionsGetAdviceForTheirStepAndTheMachine() {
        List<Suggestion> cpu = evaluate(List.of(section("training.fit", 50, 0.5), section("training.baseline", 40, 0.4),
                section("y", 10, 0.1)), QUIET, false, Map.of(), null);
        assertEquals(2, cpu.size());
        assertTrue(cpu.get(0).action().startsWith("Raise the mini-batch size"), cpu.get(0).action());
        assertTrue(cpu.get(1).action().contains("\"baseline\": {\"enabled\": false}"), cpu.get(1).action());
        List<Suggestion> gpu = evaluate(List.of(section("training.fit", 50, 0.5), section("y", 50, 0.5)), QUIET, true,
                Map.of(), null);
        assertTrue(gpu.get(0).action().startsWith("Train on the GPU backend"), gpu.get(0).action());
    }

    @Test
    void gcOverTenPercentOfWallTimeIsReported() {
        // 2 s between first and last sample, 250 ms of GC: 12.5%.
        List<Suggestion> s = evaluate(List.of(), samples(0.2, 0.3, new long[] {100, 200, 350}, List.of()), false,
                Map.of(), null);
        assertEquals(List.of("gc-overhead"), rules(s));
        assertTrue(s.get(0).evidence().startsWith("GC 12.5% of the wall time"), s.get(0).evidence());
        // 180 ms over 2 s is 9%: quiet.
        assertEquals(List.of(), evaluate(List.of(), samples(0.2, 0.3, new long[] {100, 200, 280}, List.of()), false,
                Map.of(), null));
    }

    @Test
    void heapWithinFivePointsOfTheMemoryThresholdIsReported() {
        assertEquals(List.of("memory-near-threshold"),
                rules(evaluate(List.of(), samples(0.2, 0.76, NO_GC, List.of()), false, Map.of(), null)));
        assertEquals(List.of(), evaluate(List.of(), samples(0.2, 0.74, NO_GC, List.of()), false, Map.of(), null));
    }

    @Test
    void saturatedCpuBesideAnIdleUsableGpuIsReported() {
        List<GpuMemorySample> idle = List.of(new GpuMemorySample(0, "gpu", GIB / 2, 16 * GIB));
        List<Suggestion> s = evaluate(List.of(), samples(0.95, 0.3, NO_GC, idle), true, Map.of(), null);
        assertEquals(List.of("gpu-idle-cpu-saturated"), rules(s));
        assertTrue(s.get(0).action().contains("--backend gpu"));
        assertTrue(s.get(0).evidence().contains("GPU memory peaked at 3.1%"), s.get(0).evidence());
        // No usable GPU, a busy GPU, or a CPU below its threshold: quiet.
        assertEquals(List.of(), evaluate(List.of(), samples(0.95, 0.3, NO_GC, List.of()), false, Map.of(), null));
        List<GpuMemorySample> busy = List.of(new GpuMemorySample(0, "gpu", 8 * GIB, 16 * GIB));
        assertEquals(List.of(), evaluate(List.of(), samples(0.95, 0.3, NO_GC, busy), true, Map.of(), null));
        assertEquals(List.of(), evaluate(List.of(), samples(0.85, 0.3, NO_GC, idle), true, Map.of(), null));
    }

    @Test
    void aFeatureCacheThatEvictsAndMissesMostRequestsIsReportedWithTheSizeItNeeds() {
        FeatureCacheStats thrashing = new FeatureCacheStats(5, 45, 40, 4_000, 0, 0, 1, 1_000, 1_024);
        List<Suggestion> s = evaluate(List.of(), QUIET, false, Map.of(), thrashing);
        assertEquals(List.of("low-cache-hit-rate"), rules(s));
        assertTrue(s.get(0).action().contains("from 1024 to at least 5000"), s.get(0).action());
        // A cold cache that never evicted, too few requests, or a good hit rate: quiet.
        assertEquals(List.of(), evaluate(List.of(), QUIET, false, Map.of(),
                new FeatureCacheStats(5, 45, 0, 0, 0, 0, 45, 1_000, 1 << 20)));
        assertEquals(List.of(), evaluate(List.of(), QUIET, false, Map.of(),
                new FeatureCacheStats(1, 9, 9, 900, 0, 0, 1, 100, 100)));
        assertEquals(List.of(), evaluate(List.of(), QUIET, false, Map.of(),
                new FeatureCacheStats(30, 20, 10, 900, 0, 0, 1, 100, 100)));
    }

    @Test
    void aBatchThatLeavesTheGpuMostlyEmptyIsReportedWithALargerSize() {
        List<GpuMemorySample> light = List.of(new GpuMemorySample(0, "gpu", 16 * GIB / 10, 16 * GIB));
        List<Suggestion> s = evaluate(List.of(), samples(0.2, 0.3, NO_GC, light), true, Map.of("training.miniBatch", 64),
                null);
        assertEquals(List.of("small-batch"), rules(s));
        // 90% threshold * 0.8 / 10% peak = 7.2: seven times the batch.
        assertTrue(s.get(0).action().contains("from 64 to 448"), s.get(0).action());
        List<GpuMemorySample> heavy = List.of(new GpuMemorySample(0, "gpu", 8 * GIB, 16 * GIB));
        assertEquals(List.of(), evaluate(List.of(), samples(0.2, 0.3, NO_GC, heavy), true,
                Map.of("training.miniBatch", 64), null));
        assertEquals(List.of(), evaluate(List.of(), QUIET, true, Map.of("training.miniBatch", 64), null),
                "without device readings there is no evidence about the device");
    }
}
