package dev.candela.cli;

import dev.candela.core.Candela;
import dev.candela.core.csv.CsvReadResult;
import dev.candela.core.csv.InvalidRowPolicy;
import dev.candela.core.data.GapReport;
import dev.candela.core.data.OhlcvSeries;
import dev.candela.core.data.Timeframe;
import dev.candela.core.features.FeatureMatrix;
import dev.candela.core.compute.IndicatorResults;
import dev.candela.optimizer.OptimizerModule;
import dev.candela.optimizer.PerformanceOptimizer;
import dev.candela.optimizer.report.OptimizerReport;
import dev.candela.optimizer.report.SectionProfile;
import dev.candela.optimizer.report.Suggestion;
import dev.candela.spi.Trainer;
import dev.candela.spi.TrainingListener;
import dev.candela.training.ProgressiveTrainer;
import dev.candela.training.TrainingData;
import dev.candela.training.TrainingDataException;
import dev.candela.training.TrainingSettings;
import dev.candela.visualization.chart.ChartSize;
import dev.candela.visualization.chart.PriceChart;
import dev.candela.visualization.dashboard.Dashboard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code candela demo}: the whole pipeline end to end on the embedded synthetic market (or a CSV) —
 * validate the candles, build multi-timeframe features on the best backend, train bucket by bucket with
 * knowledge transfer next to a from-scratch baseline, evaluate out of sample with a trading simulation,
 * and write a chart, the optimizer's profiling report with its suggestions, and the run's HTML dashboard.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "End-to-end demo: validate, multi-timeframe features, progressive training with transfer, "
                + "evaluation, profiling report, suggestions and an HTML dashboard, written into --out.")
final class DemoCommand implements Callable<Integer> {
    private static final String CHART_INDICATORS = "bbands(20,2),ema(50),rsi(14),macd(12,26,9)";

    @ParentCommand
    CandelaCli parent;

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Option(names = {"-o", "--out"}, defaultValue = "demo", paramLabel = "DIR",
            description = "Folder for every output (default: ${DEFAULT-VALUE}); each run gets its own runs/ subfolder.")
    Path out;

    @Option(names = "--train-config", paramLabel = "FILE",
            description = "Training configuration (JSON, every key optional; default: the built-in settings).")
    Path trainConfig;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TrainingSettings settings = trainConfig != null ? TrainingSettings.read(trainConfig) : TrainingSettings.defaults();
        OhlcvSeries series = validate(stdout);
        Path run = out.resolve("runs").resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Path chartFile = out.resolve("chart.png");
        Path profileFile = out.resolve("profile.json");
        Path dashboardFile = out.resolve("dashboard.html");

        List<com.google.inject.Module> outer = GlobalOptions.EXTRA_MODULES.get();
        if (outer.isEmpty()) {
            // Profile the demo itself, unless a wrapping `candela profile` already does.
            GlobalOptions.EXTRA_MODULES.set(List.of(OptimizerModule.create()));
        }
        try (Candela candela = parent.global.runtime()) {
            PerformanceOptimizer optimizer = candela.get(PerformanceOptimizer.class);
            optimizer.start();
            stdout.printf(Locale.ROOT, "2. hardware: %s%n   backend: %s (%s)%n", candela.hardware().summary(),
                    candela.backend().effective().name().toLowerCase(Locale.ROOT), candela.backend().reason());

            FeatureMatrix table = TrainingData.table(candela, series, settings.features());
            List<String> timeframes = table.featureNames().stream().filter(name -> name.indexOf(':') > 0)
                    .map(name -> name.substring(0, name.indexOf(':'))).distinct().toList();
            stdout.printf(Locale.ROOT, "3. features: %,d rows x %d features on %s (%s, lags, returns), no look-ahead%n",
                    table.rowCount(), table.featureNames().size(), String.join(" + ", timeframes),
                    settings.features().indicators());

            ProgressiveTrainer trainer = candela.get(ProgressiveTrainer.class);
            TrainCommand.registerWithOptimizer(candela, trainer);
            stdout.printf(Locale.ROOT, "4. training %s progressively, %s buckets, transfer %s, baseline %s -> %s%n",
                    settings.model().type(), settings.buckets().count(),
                    settings.transfer().enabled() ? "on" : "off", settings.baseline().enabled() ? "on" : "off", run);
            stdout.flush();
            TrainingListener.RunEnded end = trainer.train(new Trainer.Request(table, settings.toMap(), run, false),
                    new TrainCommand.ProgressLines(err));
            printEvaluation(stdout, end);

            IndicatorResults indicators = candela.compute()
                    .compute(candela.registry().resolveAll(CHART_INDICATORS), series);
            Files.createDirectories(out);
            PriceChart.builder(series).indicators(indicators).lastBars(500).size(new ChartSize(1400, 900)).build()
                    .write(chartFile);

            optimizer.sampleNow();
            OptimizerReport report = optimizer.report(List.of("demo"), System.nanoTime() - started);
            report.save(profileFile);
            report.save(run.resolve("profile.json"));
            Dashboard.ofRunDirectory(run, profileFile).write(dashboardFile);
            printProfile(stdout, report);

            stdout.printf(Locale.ROOT, "%noutputs (%.1f s):%n", (System.nanoTime() - started) / 1e9);
            stdout.printf(Locale.ROOT, "  dashboard  %s%n", dashboardFile);
            stdout.printf(Locale.ROOT, "  profile    %s (JSON: profile, resources, actions, suggestions)%n", profileFile);
            stdout.printf(Locale.ROOT, "  chart      %s (%s)%n", chartFile, CHART_INDICATORS);
            stdout.printf(Locale.ROOT, "  run        %s (config, events.jsonl, checkpoints, metrics, summary.json)%n", run);
            stdout.flush();
            return ExitCode.OK;
        } catch (TrainingDataException e) {
            err.println("candela: " + e.getMessage());
            err.flush();
            return ExitCode.BAD_DATA;
        } finally {
            GlobalOptions.EXTRA_MODULES.set(outer);
        }
    }

    /** Step 1: reads the input strictly (or takes the embedded market) and reports its rows and gaps. */
    private OhlcvSeries validate(PrintWriter stdout) throws java.io.IOException {
        if (input.input == null) {
            OhlcvSeries series = input.series();
            GapReport gaps = GapReport.of(series);
            stdout.printf(Locale.ROOT, "1. data: embedded synthetic market %s, %,d %s candles, %d gaps%n",
                    series.symbol(), series.size(), series.timeframe().map(Timeframe::label).orElse("irregular"),
                    gaps.count());
            return series;
        }
        CsvReadResult result = input.reader(InvalidRowPolicy.FAIL, null).read(input.existing());
        GapReport gaps = result.report().gaps();
        stdout.printf(Locale.ROOT, "1. data: %s, %,d rows (%s), all valid, %d gaps with %d missing candles%n",
                input.input, result.report().rows(), result.report().format(), gaps.count(), gaps.missingBars());
        return result.series();
    }

    private static void printEvaluation(PrintWriter stdout, TrainingListener.RunEnded end) {
        stdout.println("5. out-of-sample evaluation per bucket (model of the previous bucket, before training on this one):");
        stdout.printf(Locale.ROOT, "   %-6s %9s %9s %9s %9s %9s%n", "bucket", "accuracy", "baseline", "trade", "baseline",
                "buy&hold");
        for (TrainingListener.BucketEnded b : end.buckets()) {
            Map<String, Double> m = b.metrics();
            stdout.printf(Locale.ROOT, "   %-6d %9s %9s %9s %9s %9s%n", b.bucket(), fmt(m.get("oos.accuracy")),
                    fmt(m.get("baseline.oos.accuracy")), pct(m.get("trade.totalReturn")),
                    pct(m.get("baseline.trade.totalReturn")), pct(m.get("buyhold.totalReturn")));
        }
        Map<String, Double> s = end.summary();
        stdout.printf(Locale.ROOT, "   overall: accuracy %s (baseline %s), trade return %s (baseline %s, buy-and-hold %s), "
                        + "epochs to converge %s (baseline %s)%n",
                fmt(s.get("oos.accuracy")), fmt(s.get("baseline.oos.accuracy")), pct(s.get("trade.totalReturn")),
                pct(s.get("baseline.trade.totalReturn")), pct(s.get("buyhold.totalReturn")),
                fmt(s.get("epochsToConverge")), fmt(s.get("baseline.epochsToConverge")));
    }

    private static void printProfile(PrintWriter stdout, OptimizerReport report) {
        stdout.println("6. where the time went (self time):");
        List<SectionProfile> top = new ArrayList<>(report.profile());
        top.sort((a, b) -> Long.compare(b.selfNanos(), a.selfNanos()));
        for (SectionProfile p : top.subList(0, Math.min(6, top.size()))) {
            stdout.printf(Locale.ROOT, "   %-24s %6d calls %9.1f ms self %5.1f%%%n", p.name(), p.calls(),
                    p.selfNanos() / 1e6, 100 * p.share());
        }
        stdout.println("7. suggestions:" + (report.suggestions().isEmpty() ? " none" : ""));
        for (Suggestion s : report.suggestions()) {
            stdout.printf(Locale.ROOT, "   [%s] %s -> %s%n", s.severity(), s.message(), s.action());
        }
    }

    private static String fmt(Double value) {
        return value == null || !Double.isFinite(value) ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String pct(Double value) {
        return value == null || !Double.isFinite(value) ? "n/a" : String.format(Locale.ROOT, "%+.1f%%", 100 * value);
    }
}
