package dev.candela.optimizer;

import dev.candela.optimizer.report.ActionTaken;
import dev.candela.optimizer.report.GpuMemorySample;
import dev.candela.optimizer.report.OptimizerReport;
import dev.candela.optimizer.report.ResourceSample;
import dev.candela.optimizer.report.SectionProfile;
import dev.candela.spi.DeviceMemoryGauge;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MonitoringOptimizerTest {
    private static final long GIB = Machines.GIB;

    private static PerformanceOptimizer.Builder builder() {
        return PerformanceOptimizer.builder(Machines.cpuOnly(2, 8 * GIB), Machines.fixedThresholds())
                .garbageCollection(() -> 0);
    }

    private static ResourceSample quiet(long time) {
        return new ResourceSample(time, 0.1, 0.1, GIB, 8 * GIB, GIB / 4, 2 * GIB, 0, 0, 0, 0, List.of());
    }

    @Test
    void theMonitorSamplesOnItsOwnDaemonThreadAndCloseEndsThatThread() throws Exception {
        CountDownLatch three = new CountDownLatch(3);
        AtomicReference<Thread> sampling = new AtomicReference<>();
        AtomicInteger time = new AtomicInteger();
        PerformanceOptimizer optimizer = builder().sampleInterval(java.time.Duration.ofMillis(1)).sampler(() -> {
            sampling.set(Thread.currentThread());
            three.countDown();
            return quiet(time.incrementAndGet());
        }).build();
        optimizer.start();
        optimizer.start();
        three.await();
        optimizer.close();
        Thread thread = sampling.get();
        assertEquals("candela-optimizer-monitor", thread.getName());
        assertTrue(thread.isDaemon());
        thread.join();
        assertFalse(thread.isAlive());
        int after = optimizer.samples().size();
        assertTrue(after >= 3);
        assertEquals(after, optimizer.samples().size(), "nothing samples after close");
        assertThrows(IllegalStateException.class, optimizer::start);
    }

    @Test
    void historyKeepsOnlyTheNewestSamples() {
        ScriptedSamples script = new ScriptedSamples();
        for (int i = 0; i < 5; i++) {
            script.heap(0.1);
        }
        PerformanceOptimizer optimizer = builder().sampler(script).historyLimit(3).build();
        for (int i = 0; i < 5; i++) {
            optimizer.sampleNow();
        }
        List<Long> times = optimizer.samples().stream().map(ResourceSample::timeMillis).toList();
        assertEquals(List.of(1_700_000_003_000L, 1_700_000_004_000L, 1_700_000_005_000L), times);
    }

    @Test
    void aFailingReadingIsSkippedAndTheNextOneRecorded() {
        AtomicInteger calls = new AtomicInteger();
        PerformanceOptimizer optimizer = builder().sampler(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("sensor gone");
            }
            return quiet(calls.get());
        }).build();
        optimizer.sampleNow();
        optimizer.sampleNow();
        assertEquals(List.of(2L), optimizer.samples().stream().map(ResourceSample::timeMillis).toList());
    }

    @Test
    void theSystemSamplerReadsThisJvmAndTheRegisteredGauges() {
        DeviceMemoryGauge gauge = () -> List.of(new DeviceMemoryGauge.DeviceMemory(0, "Test GPU", 16 * GIB, 12 * GIB));
        SystemResourceSampler sampler = new SystemResourceSampler(List.of(gauge));
        byte[][] garbage = new byte[64][];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = new byte[1 << 16];
        }
        sampler.sample();
        ResourceSample s = sampler.sample();
        assertTrue(garbage[63].length > 0);
        assertTrue(s.heapMaxBytes() > 0 && s.heapUsedBytes() > 0 && s.heapUsedBytes() <= s.heapMaxBytes(), s.toString());
        assertTrue(s.systemMemoryTotalBytes() > 0 && s.systemMemoryUsedBytes() <= s.systemMemoryTotalBytes(), s.toString());
        assertTrue(s.gcTimeMillis() >= 0 && s.offHeapBytes() >= 0, s.toString());
        for (double load : new double[] {s.processCpu(), s.systemCpu()}) {
            assertTrue(Double.isNaN(load) || (load >= 0 && load <= 1), s.toString());
        }
        assertEquals(List.of(new GpuMemorySample(0, "Test GPU", 4 * GIB, 16 * GIB)), s.gpus());
    }

    @Test
    void systemLoadIsTheBusyShareOfTheTicksBetweenTwoReadingsAndUnknownWithoutNewTicks() {
        // user, nice, system, idle, iowait, irq, softirq, steal
        long[] before = {100, 0, 50, 1000, 20, 0, 0, 0};
        long[] after = {130, 0, 60, 1050, 30, 0, 0, 0};
        assertEquals(0.4, SystemResourceSampler.loadBetween(before, after), 1e-12, "40 busy of 100 ticks");
        assertTrue(Double.isNaN(SystemResourceSampler.loadBetween(after, after.clone())));
    }

    @Test
    void theReportHoldsTheProfileTheSamplesTheActionsAndTheSuggestions() {
        ScriptedSamples script = new ScriptedSamples().heap(0.5).heap(0.9).heap(0.5);
        PerformanceOptimizer optimizer = builder().sampler(script).build();
        optimizer.profiler().time("job", () -> { });
        optimizer.sampleNow();
        optimizer.sampleNow();
        optimizer.sampleNow();
        OptimizerReport report = optimizer.report(List.of("job"), 42);
        assertEquals(List.of("job"), report.profile().stream().map(SectionProfile::name).toList());
        assertEquals(3, report.resources().samples().size());
        assertEquals(1_000, report.resources().intervalMillis());
        assertEquals(List.of(ActionTaken.MEMORY_CLEANUP), report.actions().stream().map(ActionTaken::kind).toList());
        assertEquals(0.8, report.thresholds().memory(), 1e-12);
        assertEquals(List.of("job"), report.command());
        assertEquals(42, report.wallNanos());
    }
}
