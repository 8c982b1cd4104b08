package dev.candela.benchmarks;

import dev.candela.core.data.SymbolBatch;
import dev.candela.core.data.Timeframe;
import dev.candela.core.registry.ResolvedIndicator;
import dev.candela.spi.Column;
import dev.candela.spi.Indicator;
import dev.candela.spi.IndicatorOutput;
import dev.candela.spi.Parameters;
import dev.candela.spi.PriceField;
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
import org.openjdk.jmh.annotations.Warmup;
import org.ta4j.core.BarSeries;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * One series of {@value #BARS} minute bars on one thread: Candela's indicator called directly (no thread
 * pool), TA-Lib's Java port, ta4j with {@code DoubleNum}, and the memory floor of the same arrays. Scores
 * are nanoseconds per bar.
 *
 * <p>All implementations of one indicator are values of the {@code implementation} parameter of the
 * {@link #compute} benchmark, so one JMH run times them under identical settings, each in its own fork.
 * Outputs are allocated once per trial; only the computation is timed. Before timing, Candela and
 * TA-Lib must agree on every value ({@link OutputAgreement}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
// A fixed, pre-touched heap: with a growing heap, timings on small virtual machines swing two- to fivefold.
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class SingleSeriesBenchmark {
    /** Bars in the series; every score is divided by it. */
    public static final int BARS = 1_000_000;

    /** {@code indicator.compute} on the whole series, on the calling thread. */
    public static final String CANDELA = "candela";
    /** TA-Lib's Java port from bar 0 to the last. */
    public static final String TA_LIB = "talib";
    /** ta4j 0.17 with {@code DoubleNum}, fresh indicator objects per call. */
    public static final String TA4J = "ta4j";
    /** {@link MemoryFloor}: one read of each input and one write of each output. */
    public static final String MEMORY_FLOOR = "memory-floor";

    /** The work of one trial: one implementation of one indicator, with everything it needs prepared. */
    @State(Scope.Benchmark)
    public static class Run {
        @Param({"rsi", "ema", "sma", "macd", "bbands", "atr"})
        public String indicator;

        @Param({CANDELA, TA_LIB, TA4J, MEMORY_FLOOR})
        public String implementation;

        DoubleSupplier work;

        @Setup(Level.Trial)
        public void prepare() {
            ComparedIndicator compared = ComparedIndicator.of(indicator);
            SymbolBatch bars = BenchmarkMarket.generate(1, BARS);
            ResolvedIndicator candela = compared.resolveCandela();
            int outputs = candela.indicator().outputs().size();
            switch (implementation) {
                case CANDELA:
                    OutputAgreement.require(compared, candela, bars);
                    work = candela(candela, bars);
                    break;
                case TA_LIB:
                    OutputAgreement.require(compared, candela, bars);
                    work = taLib(compared, bars, outputs);
                    break;
                case TA4J:
                    work = ta4j(compared, bars, outputs);
                    break;
                case MEMORY_FLOOR:
                    work = memoryFloor(candela, bars);
                    break;
                default:
                    throw new IllegalArgumentException("unknown implementation '" + implementation + "'");
            }
        }

        private static DoubleSupplier candela(ResolvedIndicator resolved, SymbolBatch bars) {
            Indicator indicator = resolved.indicator();
            Parameters parameters = resolved.parameters();
            IndicatorOutput out = IndicatorOutput.allocate(indicator.outputs().size(), 1, BARS);
            double[] last = out.array(out.outputCount() - 1, 0);
            return () -> {
                indicator.compute(parameters, bars, out);
                return last[BARS - 1];
            };
        }

        private static DoubleSupplier taLib(ComparedIndicator compared, SymbolBatch bars, int outputs) {
            TaLibFunction function = TaLibFunction.of(compared);
            double[] high = bars.column(PriceField.HIGH, 0).toArray();
            double[] low = bars.column(PriceField.LOW, 0).toArray();
            double[] close = bars.column(PriceField.CLOSE, 0).toArray();
            double[][] out = new double[outputs][BARS];
            return () -> {
                int begin = function.compute(high, low, close, BARS, out);
                return out[outputs - 1][BARS - 1 - begin];
            };
        }

        private static DoubleSupplier ta4j(ComparedIndicator compared, SymbolBatch bars, int outputs) {
            Ta4jFunction function = Ta4jFunction.of(compared);
            Duration barLength = bars.timeframe().map(Timeframe::duration).orElseThrow();
            BarSeries series = Ta4jFunction.series(bars, 0, barLength);
            double[][] out = new double[outputs][BARS];
            return () -> {
                function.compute(series, out);
                return out[outputs - 1][BARS - 1];
            };
        }

        private static DoubleSupplier memoryFloor(ResolvedIndicator resolved, SymbolBatch bars) {
            Column[] inputs = resolved.indicator().inputs().stream().map(field -> bars.column(field, 0))
                    .toArray(Column[]::new);
            double[][] out = new double[resolved.indicator().outputs().size()][BARS];
            MemoryFloor floor = new MemoryFloor();
            return () -> floor.readSumWrite(inputs, out, BARS);
        }
    }

    /** The close and an output array of the same length, for the plainest copy there is. */
    @State(Scope.Benchmark)
    public static class CloseCopy {
        double[] close;
        double[] copy;

        @Setup(Level.Trial)
        public void prepare() {
            close = BenchmarkMarket.generate(1, BARS).column(PriceField.CLOSE, 0).toArray();
            copy = new double[BARS];
        }
    }

    /** One implementation of one indicator over the whole series. */
    @Benchmark
    @OperationsPerInvocation(BARS)
    public double compute(Run run) {
        return run.work.getAsDouble();
    }

    /** {@code System.arraycopy} of the close: one read and one write per bar at the machine's best. */
    @Benchmark
    @OperationsPerInvocation(BARS)
    public double arraycopy(CloseCopy arrays) {
        System.arraycopy(arrays.close, 0, arrays.copy, 0, BARS);
        return arrays.copy[BARS - 1];
    }
}
