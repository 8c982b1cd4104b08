package dev.candela.examples;

import dev.candela.core.Candela;
import dev.candela.core.data.OhlcvSeries;
import dev.candela.core.features.FeatureMatrix;
import dev.candela.core.market.SyntheticMarket;
import dev.candela.optimizer.OptimizerModule;
import dev.candela.optimizer.PerformanceOptimizer;
import dev.candela.optimizer.report.OptimizerReport;
import dev.candela.optimizer.report.SectionProfile;
import dev.candela.spi.Trainer;
import dev.candela.spi.TrainingListener;
import dev.candela.training.ProgressiveTrainer;
import dev.candela.training.TrainingData;
import dev.candela.training.TrainingSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Progressive training with profiling: a runtime with the {@link OptimizerModule}, so the feature pipeline,
 * every indicator and every training step are timed; the trainer's mini-batch size and dataset cache are
 * handed to the optimizer, which may shrink or empty them under memory pressure; each finished bucket is
 * printed as it ends, and the profile and the optimizer's report come at the end.
 *
 * <pre>{@code ./candela example training --out runs/profiled}</pre>
 */
@Command(name = "training", mixinStandardHelpOptions = true,
        description = "Train progressively on the embedded market under the profiler; print where the time went.")
public final class ProfiledTraining implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "runs/profiled", description = "Run folder (default: ${DEFAULT-VALUE}); must not hold a run.")
    Path out;

    @Option(names = "--train-config", description = "Training configuration (JSON); default: the built-in settings.")
    Path config;

    @Option(names = "--bars", defaultValue = "20000", description = "Hourly candles of the synthetic market (default: ${DEFAULT-VALUE}).")
    int bars;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        TrainingSettings settings = config != null ? TrainingSettings.read(config) : TrainingSettings.defaults();
        OhlcvSeries series = SyntheticMarket.builder().symbols("SYN").bars(bars).build().generateSeries().get(0);
        long started = System.nanoTime();

        // The OptimizerModule makes the runtime's Profiler a recording one; the runtime closes the optimizer.
        try (Candela candela = Candela.builder().modules(OptimizerModule.create()).build()) {
            PerformanceOptimizer optimizer = candela.get(PerformanceOptimizer.class);
            optimizer.start();

            FeatureMatrix table = TrainingData.table(candela, series, settings.features());
            ProgressiveTrainer trainer = candela.get(ProgressiveTrainer.class);  // injected with the runtime's profiler
            optimizer.register(trainer.batchSizeControl());
            optimizer.register(trainer.datasetCache());

            TrainingListener progress = new TrainingListener() {
                @Override
                public void onBucketEnd(BucketEnded e) {
                    stdout.printf(Locale.ROOT, "bucket %d: %d epochs, out-of-sample accuracy %.3f (baseline %.3f)%n",
                            e.bucket(), e.epochs(), e.metrics().getOrDefault("oos.accuracy", Double.NaN),
                            e.metrics().getOrDefault("baseline.oos.accuracy", Double.NaN));
                    stdout.flush();
                }
            };
            trainer.train(new Trainer.Request(table, settings.toMap(), out, false), progress);

            optimizer.sampleNow();
            OptimizerReport report = optimizer.report(List.of("example", "training"), System.nanoTime() - started);
            report.save(out.resolve("profile.json"));
            stdout.println();
            stdout.printf(Locale.ROOT, "%-22s %6s %11s %11s %11s %6s%n", "section", "calls", "total ms", "self ms",
                    "p95 ms", "share");
            for (SectionProfile p : report.profile()) {
                stdout.printf(Locale.ROOT, "%-22s %6d %11.1f %11.1f %11.2f %5.1f%%%n", p.name(), p.calls(),
                        p.totalNanos() / 1e6, p.selfNanos() / 1e6, p.p95Nanos() / 1e6, 100 * p.share());
            }
            stdout.printf(Locale.ROOT, "%nreport: %s; dashboard: candela report --run %s --out dashboard.html%n",
                    out.resolve("profile.json"), out);
        }
        stdout.flush();
        return 0;
    }
}
