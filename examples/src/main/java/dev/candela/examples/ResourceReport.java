package dev.candela.examples;

import dev.candela.core.Candela;
import dev.candela.core.compute.ComputeBackend;
import dev.candela.core.data.SymbolBatch;
import dev.candela.core.market.SyntheticMarket;
import dev.candela.core.registry.ResolvedIndicator;
import dev.candela.optimizer.OptimizerModule;
import dev.candela.optimizer.PerformanceOptimizer;
import dev.candela.optimizer.report.OptimizerReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * System resource reporting: what the hardware probe found, then CPU, memory, off-heap, GPU memory and
 * disk sampled in the background while a workload runs (indicators over a batch of symbols, profiled),
 * written as the optimizer's JSON report and summarised as text.
 *
 * <pre>{@code ./candela example resources --seconds 5 --out resources.json}</pre>
 */
@Command(name = "resources", mixinStandardHelpOptions = true,
        description = "Report the hardware and the resources a workload uses, sampled in the background.")
public final class ResourceReport implements Callable<Integer> {

    @Option(names = "--seconds", defaultValue = "5", description = "How long the workload runs (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--interval-ms", defaultValue = "250", description = "Sampling interval (default: ${DEFAULT-VALUE}).")
    long intervalMillis;

    @Option(names = "--out", defaultValue = "resources.json", description = "Report file (default: ${DEFAULT-VALUE}).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!(seconds > 0) || intervalMillis < 10) {
            throw new IllegalArgumentException("--seconds must be positive and --interval-ms at least 10");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        long started = System.nanoTime();
        try (Candela candela = Candela.builder()
                .modules(OptimizerModule.builder().sampleInterval(Duration.ofMillis(intervalMillis)).build()).build()) {
            stdout.println("hardware: " + candela.hardware().summary());
            stdout.println("backend: " + candela.backend().effective().name().toLowerCase(Locale.ROOT)
                    + " (" + candela.backend().reason() + ")");
            PerformanceOptimizer optimizer = candela.get(PerformanceOptimizer.class);
            optimizer.start();

            SymbolBatch market = SyntheticMarket.builder().symbols("A", "B", "C", "D").bars(50_000).build().generate();
            List<ResolvedIndicator> work = candela.registry().resolveAll("rsi(14),macd(12,26,9),bbands(20,2),atr(14),adx(14)");
            ComputeBackend backend = candela.compute();
            long deadline = started + (long) (seconds * 1e9);
            int rounds = 0;
            do {
                backend.compute(work, market);
                rounds++;
            } while (System.nanoTime() < deadline);
            optimizer.sampleNow();

            OptimizerReport report = optimizer.report(List.of("example", "resources"), System.nanoTime() - started);
            report.save(out);
            stdout.printf(Locale.ROOT, "workload: %d rounds of %d indicators over %d symbols x %,d bars%n",
                    rounds, work.size(), market.symbolCount(), market.barCount());
            stdout.print(report.summaryText());
            stdout.printf(Locale.ROOT, "%nwrote %s (%d samples)%n", out, report.resources().samples().size());
        }
        stdout.flush();
        return 0;
    }
}
