package dev.candela.optimizer;

import dev.candela.optimizer.report.SectionProfile;
import dev.candela.spi.Profiler;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordingProfilerTest {
    private final ManualTicker clock = new ManualTicker();
    private final RecordingProfiler profiler = new RecordingProfiler(null, clock);

    private Map<String, SectionProfile> byName() {
        return profiler.snapshot().stream().collect(Collectors.toMap(SectionProfile::name, Function.identity()));
    }

    @Test
    void nestedScopeTimeIsTheParentsTotalButNotItsSelfTime() {
        profiler.time("outer", () -> {
            clock.advance(10);
            profiler.time("inner", () -> clock.advance(30));
            clock.advance(60);
        });
        Map<String, SectionProfile> p = byName();
        assertEquals(100, p.get("outer").totalNanos());
        assertEquals(70, p.get("outer").selfNanos());
        assertEquals(30, p.get("inner").totalNanos());
        assertEquals(30, p.get("inner").selfNanos());
        assertEquals(0.7, p.get("outer").share(), 1e-12);
        assertEquals(0.3, p.get("inner").share(), 1e-12);
        assertEquals(List.of("outer", "inner"), profiler.snapshot().stream().map(SectionProfile::name).toList(),
                "most self time first");
    }

    @Test
    void recursiveCallsCountEachCallButTheOutermostTimeOnce() {
        Profiler.Scope outer = profiler.scope("f");
        clock.advance(10);
        Profiler.Scope inner = profiler.scope("f");
        clock.advance(20);
        inner.close();
        clock.advance(20);
        outer.close();
        SectionProfile f = byName().get("f");
        assertEquals(2, f.calls());
        assertEquals(50, f.totalNanos(), "the inner call lies inside the outer one");
        assertEquals(50, f.selfNanos(), "outer self 30 + inner self 20");
        assertEquals(20, f.minNanos());
        assertEquals(50, f.maxNanos());
        assertEquals(1.0, f.share(), 1e-12);
    }

    @Test
    void callStatisticsMatchHandComputedValuesWithinHistogramPrecision() {
        // Calls of 1, 2, ..., 100 microseconds, in shuffled order.
        List<Integer> micros = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            micros.add(i);
        }
        java.util.Collections.shuffle(micros, new java.util.Random(7));
        for (int us : micros) {
            profiler.time("work", () -> clock.advance(us * 1_000L));
        }
        SectionProfile w = byName().get("work");
        assertEquals(100, w.calls());
        assertEquals(5_050_000, w.totalNanos());
        assertEquals(50_500.0, w.meanNanos(), 1e-9);
        assertEquals(1_000, w.minNanos());
        assertEquals(100_000, w.maxNanos());
        // HdrHistogram with 2 significant digits: within 1% of the exact order statistic.
        assertEquals(50_000, w.p50Nanos(), 500);
        assertEquals(95_000, w.p95Nanos(), 950);
        assertEquals(99_000, w.p99Nanos(), 990);
    }

    @Test
    void timeReturnsTheWorksValueAndRecordsEvenWhenItThrows() {
        assertEquals("x", profiler.time("a", () -> "x"));
        assertThrows(IllegalStateException.class, () -> profiler.time("b", (Runnable) () -> {
            clock.advance(5);
            throw new IllegalStateException("boom");
        }));
        assertEquals(1, byName().get("b").calls());
        assertEquals(5, byName().get("b").totalNanos());
    }

    @Test
    void closingAnOuterScopeBeforeItsInnerOneIsRefused() {
        Profiler.Scope outer = profiler.scope("outer");
        Profiler.Scope inner = profiler.scope("inner");
        IllegalStateException e = assertThrows(IllegalStateException.class, outer::close);
        assertTrue(e.getMessage().contains("inner"), e.getMessage());
        inner.close();
        outer.close();
        outer.close();
        assertEquals(1, byName().get("outer").calls(), "a second close is ignored");
    }

    @Test
    void closingOnAnotherThreadIsRefused() throws Exception {
        Profiler.Scope scope = profiler.scope("s");
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<?> f = other.submit(scope::close);
            java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class, f::get);
            assertTrue(e.getCause() instanceof IllegalStateException);
        } finally {
            other.shutdownNow();
        }
        scope.close();
    }

    @Test
    void concurrentThreadsLoseNoCallsAndKeepTheirOwnNesting() throws Exception {
        RecordingProfiler real = new RecordingProfiler(null);
        int threads = 4;
        int calls = 20_000;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < calls; i++) {
                    real.time("outer", () -> real.time("inner", Thread::onSpinWait));
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        Map<String, SectionProfile> p = real.snapshot().stream()
                .collect(Collectors.toMap(SectionProfile::name, Function.identity()));
        assertEquals((long) threads * calls, p.get("outer").calls());
        assertEquals((long) threads * calls, p.get("inner").calls());
        assertTrue(p.get("outer").totalNanos() >= p.get("inner").totalNanos());
        assertEquals(p.get("outer").totalNanos(), p.get("outer").selfNanos() + p.get("inner").totalNanos(),
                "outer's time is its own plus inner's, on every thread");
    }

    @Test
    void everyCallIsAFlightRecorderEventWithItsSectionAndSelfTime(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("profile.jfr");
        try (Recording recording = new Recording()) {
            recording.enable(SectionEvent.NAME).withThreshold(java.time.Duration.ZERO);
            recording.start();
            profiler.time("jfr.outer", () -> {
                clock.advance(100);
                profiler.time("jfr.inner", () -> clock.advance(30));
            });
            recording.stop();
            recording.dump(file);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().equals(SectionEvent.NAME)).toList();
        assertEquals(List.of("jfr.inner", "jfr.outer"), events.stream().map(e -> e.getString("section")).toList(),
                "an event is committed when its scope closes");
        assertEquals(30, events.get(0).getLong("selfNanos"));
        assertEquals(100, events.get(1).getLong("selfNanos"), "the profiler's self time, without the nested call");
    }

    @Test
    void aMeterRegistryGetsATimerAndASelfTimeCounterPerSection() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RecordingProfiler withMeters = new RecordingProfiler(registry, clock);
        for (int i = 0; i < 3; i++) {
            withMeters.time("m.outer", () -> {
                clock.advance(1_000);
                withMeters.time("m.inner", () -> clock.advance(4_000));
            });
        }
        Timer outer = registry.get(RecordingProfiler.TIMER_NAME).tag("section", "m.outer").timer();
        assertEquals(3, outer.count());
        assertEquals(15_000, outer.totalTime(TimeUnit.NANOSECONDS), 1e-6);
        FunctionCounter self = registry.get(RecordingProfiler.SELF_TIME_NAME).tag("section", "m.outer").functionCounter();
        assertEquals(3_000e-9, self.count(), 1e-15);
    }
}
