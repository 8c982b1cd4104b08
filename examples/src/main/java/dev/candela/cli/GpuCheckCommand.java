package dev.candela.cli;

import dev.candela.core.Candela;
import dev.candela.core.compute.ComputeBackend;
import dev.candela.core.config.BackendChoice;
import dev.candela.core.data.SymbolBatch;
import dev.candela.core.data.Timeframe;
import dev.candela.core.hardware.CudaStatus;
import dev.candela.core.hardware.HardwareProbe;
import dev.candela.core.hardware.HardwareReport;
import dev.candela.core.market.SyntheticMarket;
import dev.candela.core.registry.ResolvedIndicator;
import dev.candela.core.runtime.BackendSelector;
import dev.candela.gpu.GpuSelfCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code candela gpu-check}: whether the GPU path works here. Computes every device kernel on the GPU
 * backend and on the CPU path over a synthetic batch and compares them bar by bar, then times a few
 * indicators both ways. Without a usable GPU it runs the same checks emulated, on nd4j-native, and says so.
 */
@Command(name = "gpu-check", mixinStandardHelpOptions = true,
        description = {"Self-test of the GPU backend against the CPU backend, and a small benchmark.",
                "Without a usable GPU (no driver, an unsupported GPU, missing CUDA 11.6 libraries or no "
                        + "nd4j-cuda-11.6 on the class path) the checks run emulated on nd4j-native."})
final class GpuCheckCommand implements Callable<Integer> {

    private static final List<String> TIMED = List.of("ema(20)", "rsi(14)", "macd(12,26,9)", "bbands(20,2)", "atr(14)");

    @ParentCommand
    CandelaCli parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--symbols", paramLabel = "N", description = "Symbols of the benchmark batch (default: 1000 on "
            + "a GPU, 64 emulated).")
    Integer symbols;

    @Option(names = "--bars", paramLabel = "N", defaultValue = "10000",
            description = "Bars per symbol of the benchmark batch (default: ${DEFAULT-VALUE}).")
    int bars;

    @Option(names = "--no-benchmark", description = "Run the self-test only.")
    boolean noBenchmark;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        HardwareReport hardware = HardwareProbe.create().probe();
        CudaStatus cuda = hardware.cuda();
        boolean emulated = !cuda.usable();
        try (Candela gpu = runtime(hardware, BackendChoice.GPU, emulated);
             Candela cpu = runtime(hardware, BackendChoice.CPU, false)) {
            out.println(emulated ? "GPU      none usable: " + cuda.reason() + "; running emulated on nd4j-native"
                    : "GPU      " + cuda.reason());
            List<GpuSelfCheck.Comparison> comparisons = selfTest(gpu, out);
            Map<String, Boolean> byIndicator = agreementByIndicator(gpu, comparisons);
            long agreeing = byIndicator.values().stream().filter(Boolean::booleanValue).count();
            boolean pass = agreeing == byIndicator.size();
            if (!noBenchmark) {
                benchmark(gpu.compute(), cpu.compute(), gpu, emulated, out);
            }
            String result = (pass ? "PASS, " + agreeing + " indicators agree"
                    : "FAIL, " + (byIndicator.size() - agreeing) + " of " + byIndicator.size() + " indicators disagree");
            out.println(emulated
                    ? "Verdict  no usable GPU: " + cuda.reason() + "; emulated self-test on nd4j-native: " + result
                    : "Verdict  GPU self-test: " + result);
            out.flush();
            return pass ? ExitCode.OK : ExitCode.INTERNAL;
        }
    }

    private Candela runtime(HardwareReport hardware, BackendChoice backend, boolean emulated) {
        Candela.Builder b = Candela.builder().hardware(hardware).backend(backend);
        if (emulated) {
            b.selector(BackendSelector.of(Map.of(BackendSelector.EMULATE_ENVIRONMENT_VARIABLE, "1"), Map.of()));
        }
        if (parent.global.config != null) {
            b.configFile(parent.global.config);
        }
        if (parent.global.plugins != null) {
            b.pluginDirectory(parent.global.plugins);
        }
        return b.build();
    }

    private static List<GpuSelfCheck.Comparison> selfTest(Candela gpu, PrintWriter out) {
        SymbolBatch batch = market(8, 3_000);
        List<ResolvedIndicator> indicators = gpu.registry().resolveAll(String.join(",", GpuSelfCheck.defaultSpecs()));
        List<GpuSelfCheck.Comparison> comparisons = GpuSelfCheck.compare(gpu.compute(), indicators, batch);
        out.printf("Self-test %d indicators, %d symbols x %d bars, GPU backend against the CPU path:%n",
                indicators.size(), batch.symbolCount(), batch.barCount());
        for (GpuSelfCheck.Comparison c : comparisons) {
            out.printf(Locale.ROOT, "  %-26s %-3s %s%n", c.column(), c.backend(), c.agrees() ? "agrees"
                    : String.format(Locale.ROOT, "DIFFERS at bar %d: %s vs %s (%.3g x the tolerance)", c.worst().bar(),
                    c.worst().device(), c.worst().reference(), c.worst().ratio()));
        }
        return comparisons;
    }

    /** Whether all columns of each indicator agree, in request order. */
    private static Map<String, Boolean> agreementByIndicator(Candela gpu, List<GpuSelfCheck.Comparison> comparisons) {
        Map<String, Boolean> byIndicator = new LinkedHashMap<>();
        int next = 0;
        for (ResolvedIndicator indicator : gpu.registry().resolveAll(String.join(",", GpuSelfCheck.defaultSpecs()))) {
            boolean all = true;
            for (int k = 0; k < indicator.columnNames().size(); k++) {
                all &= comparisons.get(next++).agrees();
            }
            byIndicator.put(indicator.spec(), all);
        }
        return byIndicator;
    }

    private void benchmark(ComputeBackend gpuPath, ComputeBackend cpuPath, Candela gpu, boolean emulated,
                           PrintWriter out) {
        int count = symbols != null ? symbols : (emulated ? 64 : 1_000);
        SymbolBatch batch = market(count, bars);
        out.printf("Benchmark %d symbols x %d bars, best of 3 after a warm-up%s:%n", count, bars,
                emulated ? " (emulated: nd4j-native timings, not a GPU's)" : "");
        out.printf("  %-16s %12s %12s %10s%n", "indicator", "ND4J path", "CPU backend", "speed-up");
        for (String timed : TIMED) {
            List<ResolvedIndicator> one = gpu.registry().resolveAll(timed);
            double device = bestMillis(() -> gpuPath.compute(one, batch));
            double cpu = bestMillis(() -> cpuPath.compute(one, batch));
            out.printf(Locale.ROOT, "  %-16s %9.1f ms %9.1f ms %9.2fx%n", timed, device, cpu, cpu / device);
        }
    }

    private static double bestMillis(Runnable work) {
        work.run();
        double best = Double.MAX_VALUE;
        for (int k = 0; k < 3; k++) {
            long start = System.nanoTime();
            work.run();
            best = Math.min(best, (System.nanoTime() - start) / 1e6);
        }
        return best;
    }

    private static SymbolBatch market(int symbolCount, int barCount) {
        List<String> names = new ArrayList<>(symbolCount);
        for (int s = 0; s < symbolCount; s++) {
            names.add(String.format(Locale.ROOT, "CHK%04d", s));
        }
        return SyntheticMarket.builder().seed(SyntheticMarket.DEFAULT_SEED).symbols(names).timeframe(Timeframe.M1)
                .bars(barCount).build().generate();
    }
}
