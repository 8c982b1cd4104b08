package dev.candela.core.compute;

import dev.candela.core.registry.PluginRegistry;
import dev.candela.core.registry.ResolvedIndicator;
import dev.candela.core.registry.TestBars;
import dev.candela.core.registry.TestPlugin;
import dev.candela.spi.BarBatch;
import dev.candela.spi.IndicatorOutput;
import dev.candela.spi.Profiler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParallelIndicatorEngineTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(3);
    private final PluginRegistry registry = PluginRegistry.of(List.of(new TestPlugin()));

    @AfterEach
    void shutdown() {
        pool.shutdownNow();
    }

    @Test
    void computesHandCheckedValuesWithNaNWarmUp() {
        ParallelIndicatorEngine engine = new ParallelIndicatorEngine("cpu", pool, 3, Profiler.disabled());
        BarBatch bars = new TestBars(new double[][] {{1, 2, 3, 4, 5}, {10, 20, 30, 40, 50}});
        IndicatorResults r = engine.compute(registry.resolveAll("runsum(2,3)"), bars);
        assertEquals(List.of("runsum(2,3).sum", "runsum(2,3).scaled"), r.columnNames());
        assertArrayEquals(new double[] {Double.NaN, 3, 5, 7, 9}, r.column("runsum(2,3).sum", 0));
        assertArrayEquals(new double[] {Double.NaN, 90, 150, 210, 270}, r.column("runsum(2,3).scaled", 1));
        assertEquals("cpu", r.backendOf("runsum(2,3).sum"));
        assertThrows(IllegalArgumentException.class, () -> r.column("rsi(14)", 0));
    }

    @Test
    void splittingAcrossThreadsGivesTheSameResultAsOneRange() {
        Random rnd = new Random(7);
        double[][] closes = new double[11][300];
        for (double[] row : closes) {
            for (int i = 0; i < row.length; i++) {
                row[i] = 100 + rnd.nextGaussian();
            }
        }
        BarBatch bars = new TestBars(closes);
        List<ResolvedIndicator> specs = registry.resolveAll("runsum(5),runsum(20,0.5)");
        IndicatorResults parallel = new ParallelIndicatorEngine("cpu", pool, 4, Profiler.disabled()).compute(specs, bars);
        IndicatorResults serial = new ParallelIndicatorEngine("cpu", Runnable::run, 1, Profiler.disabled()).compute(specs, bars);
        for (String column : serial.columnNames()) {
            for (int s = 0; s < closes.length; s++) {
                assertArrayEquals(serial.column(column, s), parallel.column(column, s), column + " symbol " + s);
            }
        }
    }

    @Test
    void suppliedOutputsReusedAcrossCallsHoldWhatAFreshComputeGives() {
        Random rnd = new Random(11);
        double[][] first = new double[7][200];
        double[][] second = new double[7][200];
        for (int s = 0; s < first.length; s++) {
            for (int i = 0; i < 200; i++) {
                first[s][i] = 100 + rnd.nextGaussian();
                second[s][i] = 50 + rnd.nextGaussian();
            }
        }
        List<ResolvedIndicator> specs = registry.resolveAll("runsum(5),runsum(20,0.5),runsum(3)");
        ParallelIndicatorEngine engine = new ParallelIndicatorEngine("cpu", pool, 3, Profiler.disabled());
        List<IndicatorOutput> outputs = List.of(IndicatorOutput.allocate(2, 7, 200), IndicatorOutput.allocate(2, 7, 200),
                IndicatorOutput.allocate(2, 7, 200));
        for (double[][] closes : List.of(first, second)) {
            BarBatch bars = new TestBars(closes);
            IndicatorResults reused = engine.computeInto(specs, bars, outputs);
            IndicatorResults fresh = engine.compute(specs, bars);
            for (String column : fresh.columnNames()) {
                for (int s = 0; s < closes.length; s++) {
                    assertArrayEquals(fresh.column(column, s), reused.column(column, s), column + " symbol " + s);
                }
            }
            // The results are the supplied arrays themselves, not copies.
            assertTrue(reused.column("runsum(5,2).sum", 6) == outputs.get(0).array(0, 6));
        }
    }

    @Test
    void suppliedOutputsOfTheWrongShapeAreRefusedNamingTheIndicator() {
        ParallelIndicatorEngine engine = new ParallelIndicatorEngine("cpu", Runnable::run, 1, Profiler.disabled());
        BarBatch bars = new TestBars(new double[][] {{1, 2, 3}, {4, 5, 6}});
        List<ResolvedIndicator> specs = registry.resolveAll("runsum(2)");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> engine.computeInto(specs, bars, List.of(IndicatorOutput.allocate(2, 2, 4))));
        assertTrue(e.getMessage().contains("runsum(2,2)") && e.getMessage().contains("2 x 2 x 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> engine.computeInto(specs, bars, List.of()));
    }

    @Test
    void theDefaultComputeIntoCopiesWhatComputeGives() {
        ParallelIndicatorEngine engine = new ParallelIndicatorEngine("cpu", Runnable::run, 1, Profiler.disabled());
        ComputeBackend copying = new ComputeBackend() {
            @Override
            public String name() {
                return "copying";
            }

            @Override
            public IndicatorResults compute(List<ResolvedIndicator> indicators, BarBatch bars) {
                return engine.compute(indicators, bars);
            }
        };
        BarBatch bars = new TestBars(new double[][] {{1, 2, 3, 4, 5}, {10, 20, 30, 40, 50}});
        IndicatorOutput into = IndicatorOutput.allocate(2, 2, 5);
        java.util.Arrays.fill(into.array(0, 0), 99);
        IndicatorResults r = copying.computeInto(registry.resolveAll("runsum(2,3)"), bars, List.of(into));
        assertArrayEquals(new double[] {Double.NaN, 3, 5, 7, 9}, into.array(0, 0));
        assertArrayEquals(new double[] {Double.NaN, 90, 150, 210, 270}, r.column("runsum(2,3).scaled", 1));
        assertEquals("cpu", r.backendOf("runsum(2,3).sum"));
    }

    @Test
    void failureInsideAnIndicatorReachesTheCaller() {
        ParallelIndicatorEngine engine = new ParallelIndicatorEngine("cpu", pool, 2, Profiler.disabled());
        ResolvedIndicator failing = new ResolvedIndicator(new FailingIndicator(), dev.candela.spi.Parameters.none());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> engine.compute(List.of(failing), new TestBars(new double[][] {{1}, {2}})));
        assertTrue(e.getMessage().contains("boom"));
    }

    @Test
    void indicatorsSharingAnImplementationRunAsOneSweep() {
        CountingSweeps counting = new CountingSweeps();
        List<ResolvedIndicator> specs = List.of(
                new ResolvedIndicator(counting, counting.bind(2)),
                new ResolvedIndicator(counting, counting.bind(3, 0.5)),
                new ResolvedIndicator(counting, counting.bind(4)));
        BarBatch bars = new TestBars(new double[][] {{1, 2, 3, 4, 5, 6}, {6, 5, 4, 3, 2, 1}});
        IndicatorResults swept = new ParallelIndicatorEngine("cpu", pool, 2, Profiler.disabled()).compute(specs, bars);
        assertEquals(2, counting.sweeps.get(), "one sweep per symbol range");
        assertEquals(0, counting.singles.get());
        assertArrayEquals(new double[] {Double.NaN, Double.NaN, 3, 4.5, 6, 7.5}, swept.column("runsum(3,0.5).scaled", 0));
        assertArrayEquals(new double[] {Double.NaN, Double.NaN, Double.NaN, 18, 14, 10}, swept.column("runsum(4,2).sum", 1));
    }

    /** A RunningSum that counts how it was asked to compute. */
    static final class CountingSweeps implements dev.candela.spi.Indicator {
        final java.util.concurrent.atomic.AtomicInteger sweeps = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.concurrent.atomic.AtomicInteger singles = new java.util.concurrent.atomic.AtomicInteger();
        private final dev.candela.core.registry.RunningSum delegate = new dev.candela.core.registry.RunningSum();

        @Override
        public String id() {
            return delegate.id();
        }

        @Override
        public List<dev.candela.spi.ParameterSpec> parameters() {
            return delegate.parameters();
        }

        @Override
        public java.util.Set<dev.candela.spi.PriceField> inputs() {
            return delegate.inputs();
        }

        @Override
        public List<String> outputs() {
            return delegate.outputs();
        }

        @Override
        public int lookback(dev.candela.spi.Parameters p) {
            return delegate.lookback(p);
        }

        @Override
        public void compute(dev.candela.spi.Parameters p, BarBatch bars, IndicatorOutput out) {
            singles.incrementAndGet();
            delegate.compute(p, bars, out);
        }

        @Override
        public void computeSweep(List<dev.candela.spi.Parameters> sweep, BarBatch bars, List<IndicatorOutput> outs) {
            sweeps.incrementAndGet();
            for (int i = 0; i < sweep.size(); i++) {
                delegate.compute(sweep.get(i), bars, outs.get(i));
            }
        }

        @Override
        public dev.candela.spi.IndicatorState newState(dev.candela.spi.Parameters p) {
            return delegate.newState(p);
        }
    }

    @Test
    void symbolsWithMissingBarsAreComputedOnTheirOwnBars() {
        double nan = Double.NaN;
        BarBatch bars = new TestBars(new double[][] {
                {1, 2, 3, 4, 5, 6, 7},
                {nan, nan, 10, 20, nan, 40, 50}});
        for (int parallel : new int[] {1, 2}) {
            IndicatorResults r = new ParallelIndicatorEngine("cpu", pool, parallel, Profiler.disabled())
                    .compute(registry.resolveAll("runsum(2,1),runsum(3,1)"), bars);
            assertArrayEquals(new double[] {nan, 3, 5, 7, 9, 11, 13}, r.column("runsum(2,1).sum", 0));
            // Symbol 1 alone has bars 10, 20, 40, 50: its 2-bar sums are 30, 60, 90.
            assertArrayEquals(new double[] {nan, nan, nan, 30, nan, 60, 90}, r.column("runsum(2,1).sum", 1));
            assertArrayEquals(new double[] {nan, nan, nan, nan, nan, 70, 110}, r.column("runsum(3,1).sum", 1));
        }
    }

    @Test
    void rejectsNonPositiveParallelism() {
        assertThrows(IllegalArgumentException.class, () -> new ParallelIndicatorEngine("cpu", pool, 0, Profiler.disabled()));
    }

    /** Throws from compute. */
    static final class FailingIndicator implements dev.candela.spi.Indicator {
        @Override
        public String id() {
            return "failing";
        }

        @Override
        public java.util.Set<dev.candela.spi.PriceField> inputs() {
            return java.util.Set.of(dev.candela.spi.PriceField.CLOSE);
        }

        @Override
        public int lookback(dev.candela.spi.Parameters p) {
            return 0;
        }

        @Override
        public void compute(dev.candela.spi.Parameters p, BarBatch bars, IndicatorOutput out) {
            throw new IllegalStateException("boom");
        }

        @Override
        public dev.candela.spi.IndicatorState newState(dev.candela.spi.Parameters p) {
            throw new IllegalStateException("boom");
        }
    }
}
