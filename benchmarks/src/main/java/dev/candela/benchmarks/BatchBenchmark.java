package dev.candela.benchmarks;

import dev.candela.core.compute.IndicatorResults;
import dev.candela.core.compute.ParallelIndicatorEngine;
import dev.candela.core.data.SymbolBatch;
import dev.candela.core.registry.ResolvedIndicator;
import dev.candela.spi.Column;
import dev.candela.spi.Indicator;
import dev.candela.spi.IndicatorOutput;
import dev.candela.spi.Parameters;
import dev.candela.spi.PriceField;
import dev.candela.spi.Profiler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;

/**
 * A batch of {@value #SYMBOLS} symbols by {@value #BARS} minute bars: Candela computing the whole batch in
 * one call on one thread, Candela's {@link ParallelIndicatorEngine} on one and on two threads, TA-Lib's
 * Java port looping over the symbols on one thread, and the memory floor of the same arrays. Scores are
 * nanoseconds per bar and symbol.
 *
 * <p>The direct call and TA-Lib write into outputs allocated once per trial. The engine, as in
 * production, allocates its outputs on every call; its one-thread variant separates that cost from the
 * gain of the second thread. Before timing, Candela and TA-Lib must agree on every value of every
 * symbol ({@link OutputAgreement}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
// A fixed, pre-touched heap: with a growing heap, timings on small virtual machines swing two- to fivefold.
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class BatchBenchmark {
    /** Symbols in the batch. */
    public static final int SYMBOLS = 1_000;
    /** Bars of each symbol. */
    public static final int BARS = 10_000;
    /** Bars times symbols: every score is divided by it. */
    public static final int BAR_SYMBOLS = SYMBOLS * BARS;

    /** {@code indicator.compute} on the whole batch, on the calling thread, into preallocated outputs. */
    public static final String CANDELA = "candela";
    /** {@link ParallelIndicatorEngine} with parallelism 1: runs inline, into outputs reused from call to call. */
    public static final String CANDELA_ENGINE_1 = "candela-engine-1t";
    /** {@link ParallelIndicatorEngine} over a fixed pool of two threads, parallelism 2, outputs reused. */
    public static final String CANDELA_ENGINE_2 = "candela-engine-2t";
    /** TA-Lib's Java port, one call per symbol from bar 0 to the last, on the calling thread. */
    public static final String TA_LIB = "talib";
    /** {@link MemoryFloor} per symbol: one read of each input and one write of each output. */
    public static final String MEMORY_FLOOR = "memory-floor";

    /** The work of one trial: one implementation of one indicator, with everything it needs prepared. */
    @State(Scope.Benchmark)
    public static class Run {
        @Param({"rsi", "ema", "sma", "macd", "bbands", "atr"})
        public String indicator;

        @Param({CANDELA, CANDELA_ENGINE_1, CANDELA_ENGINE_2, TA_LIB, MEMORY_FLOOR})
        public String implementation;

        DoubleSupplier work;
        private ExecutorService pool;

        @Setup(Level.Trial)
        public void prepare() {
            ComparedIndicator compared = ComparedIndicator.of(indicator);
            SymbolBatch bars = BenchmarkMarket.generate(SYMBOLS, BARS);
            ResolvedIndicator candela = compared.resolveCandela();
            switch (implementation) {
                case CANDELA:
                    OutputAgreement.require(compared, candela, bars);
                    work = candela(candela, bars);
                    break;
                case CANDELA_ENGINE_1:
                    OutputAgreement.require(compared, candela, bars);
                    // One range and one indicator: the engine runs it on the calling thread.
                    work = engine(new ParallelIndicatorEngine("cpu", Runnable::run, 1, Profiler.disabled()),
                            candela, bars);
                    break;
                case CANDELA_ENGINE_2:
                    OutputAgreement.require(compared, candela, bars);
                    pool = Executors.newFixedThreadPool(2, daemonThreads());
                    work = engine(new ParallelIndicatorEngine("cpu", pool, 2, Profiler.disabled()), candela, bars);
                    break;
                case TA_LIB:
                    OutputAgreement.require(compared, candela, bars);
                    work = taLib(compared, bars, candela.indicator().outputs().size());
                    break;
                case MEMORY_FLOOR:
                    work = memoryFloor(candela, bars);
                    break;
                default:
                    throw new IllegalArgumentException("unknown implementation '" + implementation + "'");
            }
        }

        @TearDown(Level.Trial)
        public void release() throws InterruptedException {
            if (pool != null) {
                pool.shutdown();
                if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("compute pool did not stop within a minute");
                }
            }
        }

        private static DoubleSupplier candela(ResolvedIndicator resolved, SymbolBatch bars) {
            Indicator indicator = resolved.indicator();
            Parameters parameters = resolved.parameters();
            IndicatorOutput out = IndicatorOutput.allocate(indicator.outputs().size(), SYMBOLS, BARS);
            double[] last = out.array(out.outputCount() - 1, SYMBOLS - 1);
            return () -> {
                indicator.compute(parameters, bars, out);
                return last[BARS - 1];
            };
        }

        private static DoubleSupplier engine(ParallelIndicatorEngine engine, ResolvedIndicator resolved,
                                             SymbolBatch bars) {
            List<ResolvedIndicator> request = List.of(resolved);
            List<String> columns = resolved.columnNames();
            String lastColumn = columns.get(columns.size() - 1);
            // Outputs allocated once and handed to every call, as a caller computing the same shapes repeatedly
            // does (ComputeBackend.computeInto); compute() would allocate and zero 80 MB per output each call.
            List<IndicatorOutput> outputs = List.of(IndicatorOutput.allocate(columns.size(), SYMBOLS, BARS));
            return () -> {
                IndicatorResults results = engine.computeInto(request, bars, outputs);
                return results.column(lastColumn, SYMBOLS - 1)[BARS - 1];
            };
        }

        private static DoubleSupplier taLib(ComparedIndicator compared, SymbolBatch bars, int outputs) {
            TaLibFunction function = TaLibFunction.of(compared);
            // Each symbol in arrays of its own, starting at bar 0: the form TA-Lib takes its input in.
            double[][] high = new double[SYMBOLS][];
            double[][] low = new double[SYMBOLS][];
            double[][] close = new double[SYMBOLS][];
            double[][][] out = new double[SYMBOLS][outputs][BARS];
            for (int s = 0; s < SYMBOLS; s++) {
                high[s] = bars.column(PriceField.HIGH, s).toArray();
                low[s] = bars.column(PriceField.LOW, s).toArray();
                close[s] = bars.column(PriceField.CLOSE, s).toArray();
            }
            return () -> {
                double sum = 0;
                for (int s = 0; s < SYMBOLS; s++) {
                    int begin = function.compute(high[s], low[s], close[s], BARS, out[s]);
                    sum += out[s][outputs - 1][BARS - 1 - begin];
                }
                return sum;
            };
        }

        private static DoubleSupplier memoryFloor(ResolvedIndicator resolved, SymbolBatch bars) {
            List<PriceField> fields = List.copyOf(resolved.indicator().inputs());
            Column[][] inputs = new Column[SYMBOLS][fields.size()];
            for (int s = 0; s < SYMBOLS; s++) {
                for (int k = 0; k < fields.size(); k++) {
                    inputs[s][k] = bars.column(fields.get(k), s);
                }
            }
            double[][][] out = new double[SYMBOLS][resolved.indicator().outputs().size()][BARS];
            MemoryFloor floor = new MemoryFloor();
            return () -> {
                double sum = 0;
                for (int s = 0; s < SYMBOLS; s++) {
                    sum += floor.readSumWrite(inputs[s], out[s], BARS);
                }
                return sum;
            };
        }

        private static ThreadFactory daemonThreads() {
            AtomicInteger count = new AtomicInteger();
            return task -> {
                Thread thread = new Thread(task, "benchmark-compute-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
        }
    }

    /** Every symbol's close and an output array per symbol, for the plainest copy there is. */
    @State(Scope.Benchmark)
    public static class CloseCopy {
        Column[] close;
        double[][] copy;

        @Setup(Level.Trial)
        public void prepare() {
            SymbolBatch bars = BenchmarkMarket.generate(SYMBOLS, BARS);
            close = new Column[SYMBOLS];
            for (int s = 0; s < SYMBOLS; s++) {
                close[s] = bars.column(PriceField.CLOSE, s);
            }
            copy = new double[SYMBOLS][BARS];
        }
    }

    /** One implementation of one indicator over the whole batch. */
    @Benchmark
    @OperationsPerInvocation(BAR_SYMBOLS)
    public double compute(Run run) {
        return run.work.getAsDouble();
    }

    /** {@code System.arraycopy} of every symbol's close: one read and one write per bar at the machine's best. */
    @Benchmark
    @OperationsPerInvocation(BAR_SYMBOLS)
    public double arraycopy(CloseCopy arrays) {
        for (int s = 0; s < SYMBOLS; s++) {
            arrays.close[s].copyTo(0, arrays.copy[s], 0, BARS);
        }
        return arrays.copy[SYMBOLS - 1][BARS - 1];
    }
}
