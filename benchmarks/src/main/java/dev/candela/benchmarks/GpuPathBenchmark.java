package dev.candela.benchmarks;

import dev.candela.core.Candela;
import dev.candela.core.compute.ComputeBackend;
import dev.candela.core.compute.IndicatorResults;
import dev.candela.core.config.BackendChoice;
import dev.candela.core.data.SymbolBatch;
import dev.candela.core.hardware.HardwareProbe;
import dev.candela.core.hardware.HardwareReport;
import dev.candela.core.registry.ResolvedIndicator;
import dev.candela.core.runtime.BackendSelector;
import dev.candela.gpu.DeviceAgreement;
import dev.candela.gpu.kernel.DeviceKernels;
import dev.candela.spi.BarBatch;
import dev.candela.spi.Column;
import dev.candela.spi.PriceField;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.profiler.OpProfiler;
import org.nd4j.linalg.profiler.ProfilerConfig;
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
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * The GPU backend's ND4J path against the CPU backend on batches of {@value #SMALL} and {@value #LARGE}
 * symbols by {@value #BARS} minute bars, each computed by one {@code compute} call of the runtime's backend,
 * outputs allocated per call as in production. The ND4J path runs on whichever ND4J backend is loaded:
 * CUDA where the probe allows it, nd4j-native otherwise (emulation). Scores are nanoseconds per bar and
 * symbol. Before timing, both paths must agree on every value of every symbol ({@link DeviceAgreement}),
 * and the trial logs the ND4J operations one call launches (ND4J's op profiler), the "device calls".
 *
 * <p>The large batch is the small one's 1,000 symbols ten times over: the work per symbol is the same,
 * and the prices take 400 MB instead of 4 GB of heap. Its outputs still take up to 2.4 GB per call (three
 * outputs of 10,000 x 10,000 doubles), so it forks with a 12 GB heap and needs a machine with 24 GB of
 * memory or more, the ND4J path's off-heap chunks included.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
// A fixed, pre-touched heap, as in the other benchmarks.
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class GpuPathBenchmark {
    /** Bars of each symbol. */
    public static final int BARS = 10_000;
    /** Symbols of the small batch, all distinct. */
    public static final int SMALL = 1_000;
    /** Symbols of the large batch: the small batch's symbols ten times over. */
    public static final int LARGE = 10_000;

    /** The GPU backend: ND4J on CUDA, or on nd4j-native when no GPU is usable. */
    public static final String ND4J = "nd4j";
    /** The CPU backend over the runtime's compute threads. */
    public static final String CPU_BACKEND = "cpu-backend";

    /** One implementation of one indicator on the small batch. */
    @State(Scope.Benchmark)
    public static class Small {
        @Param({"rsi", "ema", "sma", "macd", "bbands", "atr"})
        public String indicator;

        @Param({ND4J, CPU_BACKEND})
        public String implementation;

        Trial trial;

        @Setup(Level.Trial)
        public void prepare() {
            trial = Trial.start(indicator, implementation, BenchmarkMarket.generate(SMALL, BARS));
        }

        @TearDown(Level.Trial)
        public void release() {
            trial.close();
        }
    }

    /** One implementation of one indicator on the large batch. */
    @State(Scope.Benchmark)
    public static class Large {
        @Param({"rsi", "ema", "sma", "macd", "bbands", "atr"})
        public String indicator;

        @Param({ND4J, CPU_BACKEND})
        public String implementation;

        Trial trial;

        @Setup(Level.Trial)
        public void prepare() {
            trial = Trial.start(indicator, implementation, new Repeated(BenchmarkMarket.generate(SMALL, BARS),
                    LARGE / SMALL));
        }

        @TearDown(Level.Trial)
        public void release() {
            trial.close();
        }
    }

    /** 1,000 x 10,000 in one call. */
    @Benchmark
    @OperationsPerInvocation(SMALL * BARS)
    public double batch1k(Small run) {
        return run.trial.work.getAsDouble();
    }

    /** 10,000 x 10,000 in one call. */
    @Benchmark
    @OperationsPerInvocation(LARGE * BARS)
    @Fork(value = 1, jvmArgsAppend = {"-Xms12g", "-Xmx12g", "-XX:+AlwaysPreTouch"})
    public double batch10k(Large run) {
        return run.trial.work.getAsDouble();
    }

    /** The runtimes, the agreement check and the timed call of one trial. */
    static final class Trial implements AutoCloseable {
        private final Candela gpu;
        private final Candela cpu;
        final DoubleSupplier work;

        private Trial(Candela gpu, Candela cpu, DoubleSupplier work) {
            this.gpu = gpu;
            this.cpu = cpu;
            this.work = work;
        }

        static Trial start(String indicator, String implementation, BarBatch bars) {
            HardwareReport hardware = HardwareProbe.create().probe();
            Candela.Builder gpuBuilder = Candela.builder().hardware(hardware).backend(BackendChoice.GPU);
            if (!hardware.cuda().usable()) {
                gpuBuilder.selector(BackendSelector.of(Map.of(BackendSelector.EMULATE_ENVIRONMENT_VARIABLE, "1"),
                        Map.of()));
            }
            Candela gpu = gpuBuilder.build();
            Candela cpu = Candela.builder().hardware(hardware).backend(BackendChoice.CPU).build();
            List<ResolvedIndicator> request = List.of(ComparedIndicator.of(indicator).resolveCandela());
            requireAgreement(request.get(0), gpu.compute().compute(request, bars),
                    cpu.compute().compute(request, bars), bars);
            ComputeBackend timed;
            switch (implementation) {
                case ND4J:
                    timed = gpu.compute();
                    System.out.printf(Locale.ROOT, "%s on %s: %d ND4J operations per call%n", request.get(0).spec(),
                            gpu.backend().emulated() ? "nd4j-native (emulated)" : "CUDA",
                            deviceCalls(timed, request, bars));
                    break;
                case CPU_BACKEND:
                    timed = cpu.compute();
                    break;
                default:
                    throw new IllegalArgumentException("unknown implementation '" + implementation + "'");
            }
            String last = request.get(0).columnNames().get(request.get(0).columnNames().size() - 1);
            int lastSymbol = bars.symbolCount() - 1;
            return new Trial(gpu, cpu, () -> timed.compute(request, bars).column(last, lastSymbol)[bars.barCount() - 1]);
        }

        /** Every column of every symbol equal within the library's agreement rule, or the trial fails. */
        private static void requireAgreement(ResolvedIndicator indicator, IndicatorResults device,
                                             IndicatorResults reference, BarBatch bars) {
            List<String> columns = indicator.columnNames();
            for (int o = 0; o < columns.size(); o++) {
                int output = o;
                double multiplier = DeviceKernels.forIndicator(indicator.indicator(), indicator.parameters())
                        .map(k -> k.deviationMultiplier(indicator.parameters(), output)).orElse(0.0);
                for (int s = 0; s < bars.symbolCount(); s++) {
                    DeviceAgreement.Worst worst = DeviceAgreement.compare(device.column(columns.get(o), s),
                            reference.column(columns.get(o), s), bars.column(PriceField.CLOSE, s).toArray(), multiplier);
                    if (!worst.agrees()) {
                        throw new IllegalStateException(columns.get(o) + " of symbol " + bars.symbol(s)
                                + " differs between the ND4J path and the CPU backend: " + worst);
                    }
                }
            }
        }

        /** The ND4J operations of one call, as ND4J's op profiler counts them. */
        private static long deviceCalls(ComputeBackend backend, List<ResolvedIndicator> request, BarBatch bars) {
            OpProfiler.getInstance().reset();
            Nd4j.getExecutioner().setProfilingConfig(ProfilerConfig.builder().checkElapsedTime(true).build());
            try {
                backend.compute(request, bars);
                return OpProfiler.getInstance().getInvocationsCount();
            } finally {
                Nd4j.getExecutioner().setProfilingConfig(ProfilerConfig.builder().build());
            }
        }

        @Override
        public void close() {
            gpu.close();
            cpu.close();
        }
    }

    /** A batch's symbols repeated {@code times} times, as one batch; the arrays are shared, not copied. */
    static final class Repeated implements BarBatch {
        private final SymbolBatch base;
        private final int times;

        Repeated(SymbolBatch base, int times) {
            this.base = base;
            this.times = times;
        }

        @Override
        public int symbolCount() {
            return base.symbolCount() * times;
        }

        @Override
        public int barCount() {
            return base.barCount();
        }

        @Override
        public String symbol(int symbol) {
            return base.symbol(symbol % base.symbolCount()) + "#" + symbol / base.symbolCount();
        }

        @Override
        public long timestamp(int bar) {
            return base.timestamp(bar);
        }

        @Override
        public Column column(PriceField field, int symbol) {
            return base.column(field, symbol % base.symbolCount());
        }

        @Override
        public boolean hasBar(int symbol, int bar) {
            return base.hasBar(symbol % base.symbolCount(), bar);
        }
    }
}
