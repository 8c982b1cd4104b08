package dev.candela.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.inject.Key;
import dev.candela.core.Candela;
import dev.candela.core.data.OhlcvSeries;
import dev.candela.core.features.FeatureMatrix;
import dev.candela.spi.Optimizer;
import dev.candela.spi.Trainer;
import dev.candela.spi.TrainingListener;
import dev.candela.training.ProgressiveTrainer;
import dev.candela.training.TrainingData;
import dev.candela.training.TrainingDataException;
import dev.candela.training.TrainingSettings;
import dev.candela.visualization.dashboard.LiveDashboard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code candela train}: progressive bucket training into a run folder. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a DL4J model bucket by bucket (walk-forward or volatility regimes), each bucket "
                + "starting from the previous bucket's model, next to a baseline trained from scratch. Writes the "
                + "run folder: config.json, events.jsonl, per-bucket checkpoints and metrics, summary.json.",
                "For this command --config names the training configuration (JSON, every key optional); Candela's "
                        + "own configuration then comes from -Dcandela.config, CANDELA_CONFIG or ./candela.json."})
final class TrainCommand implements Callable<Integer> {

    @ParentCommand
    CandelaCli parent;

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
            description = "Run folder, e.g. runs/first.")
    Path out;

    @Option(names = "--resume", description = "Continue the run in --out from its last finished bucket.")
    boolean resume;

    @Option(names = "--dashboard", arity = "0..1", fallbackValue = "0", paramLabel = "PORT",
            description = "Serve a live dashboard of the run on 127.0.0.1 while it trains (any free port when no "
                    + "PORT is given); its address is printed first.")
    Integer dashboardPort;

    @Override
    public Integer call() throws Exception {
        // --config is inherited by every command; here it names the training configuration, so the runtime
        // must not read it as Candela's own.
        Path trainConfig = parent.global.config;
        parent.global.config = null;
        TrainingSettings settings = trainConfig != null ? TrainingSettings.read(trainConfig) : TrainingSettings.defaults();
        OhlcvSeries series = input.series();
        PrintWriter err = spec.commandLine().getErr();
        try (Candela candela = parent.global.runtime()) {
            FeatureMatrix table = TrainingData.table(candela, series, settings.features());
            ProgressiveTrainer trainer = candela.get(ProgressiveTrainer.class);
            registerWithOptimizer(candela, trainer);
            List<TrainingListener> listeners = new ArrayList<>();
            listeners.add(System.console() != null ? new ProgressBar(err) : new ProgressLines(err));
            LiveDashboard dashboard = null;
            if (dashboardPort != null) {
                dashboard = LiveDashboard.builder().port(dashboardPort)
                        .config(new ObjectMapper().readTree(settings.toJson())).build();
                err.println("live dashboard: " + dashboard.start());
                err.flush();
                listeners.add(dashboard);
            }
            TrainingListener.RunEnded end;
            try {
                end = trainer.train(new Trainer.Request(table, settings.toMap(), out, resume),
                        TrainingListener.all(listeners));
            } finally {
                if (dashboard != null) {
                    dashboard.close();
                }
            }
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.printf(Locale.ROOT, "%s: %d rows x %d features, %d buckets -> %s%n",
                    input.input != null ? input.input : "synthetic " + series.symbol(), table.rowCount(),
                    table.featureNames().size(), end.buckets().size(), out);
            Map<String, Double> s = end.summary();
            stdout.printf(Locale.ROOT, "out of sample: accuracy %s (baseline %s), trade return %s (baseline %s, "
                            + "buy-and-hold %s), epochs to converge %s (baseline %s)%n",
                    fmt(s.get("oos.accuracy")), fmt(s.get("baseline.oos.accuracy")), fmt(s.get("trade.totalReturn")),
                    fmt(s.get("baseline.trade.totalReturn")), fmt(s.get("buyhold.totalReturn")),
                    fmt(s.get("epochsToConverge")), fmt(s.get("baseline.epochsToConverge")));
            stdout.flush();
            return ExitCode.OK;
        } catch (TrainingDataException e) {
            err.println("candela: " + e.getMessage());
            err.flush();
            return ExitCode.BAD_DATA;
        }
    }

    /**
     * Under an optimizer (e.g. {@code candela profile -- train ...}), lets it shrink the mini-batches and empty the
     * bucket-dataset cache under memory pressure.
     */
    static void registerWithOptimizer(Candela candela, ProgressiveTrainer trainer) {
        if (candela.injector().getExistingBinding(Key.get(Optimizer.class)) != null) {
            Optimizer optimizer = candela.get(Optimizer.class);
            optimizer.register(trainer.batchSizeControl());
            optimizer.register(trainer.datasetCache());
        }
    }

    private static String fmt(Double value) {
        return value == null || !Double.isFinite(value) ? "n/a" : String.format(Locale.ROOT, "%.4f", value);
    }

    /** One line per finished bucket, for logs and pipes. */
    static final class ProgressLines implements TrainingListener {
        private final PrintWriter err;

        ProgressLines(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void onRunStart(RunStarted e) {
            err.printf(Locale.ROOT, "training %s: %d buckets%s%n", e.runId(), e.bucketCount(),
                    e.firstBucket() > 0 ? ", resuming at bucket " + e.firstBucket() : "");
            err.flush();
        }

        @Override
        public void onBucketEnd(BucketEnded e) {
            Map<String, Double> m = e.metrics();
            err.printf(Locale.ROOT, "bucket %d: %d epochs, val.loss %s, oos.accuracy %s%n", e.bucket(), e.epochs(),
                    fmt(m.get("val.loss")), fmt(m.get("oos.accuracy")));
            err.flush();
        }
    }

    /** A bar redrawn in place at every epoch, for a terminal. */
    static final class ProgressBar implements TrainingListener {
        private static final int WIDTH = 30;
        private final PrintWriter err;
        private int buckets = 1;
        private int finished;

        ProgressBar(PrintWriter err) {
            this.err = err;
        }

        @Override
        public void onRunStart(RunStarted e) {
            buckets = Math.max(1, e.bucketCount());
            finished = e.firstBucket();
        }

        @Override
        public void onEpochEnd(EpochEnded e) {
            draw(String.format(Locale.ROOT, "bucket %d/%d epoch %d val.loss %s", e.bucket() + 1, buckets, e.epoch() + 1,
                    fmt(e.validationLoss())));
        }

        @Override
        public void onBucketEnd(BucketEnded e) {
            finished = e.bucket() + 1;
            draw(String.format(Locale.ROOT, "bucket %d/%d done, oos.accuracy %s", e.bucket() + 1, buckets,
                    fmt(e.metrics().get("oos.accuracy"))));
        }

        @Override
        public void onRunEnd(RunEnded e) {
            err.println();
            err.flush();
        }

        private void draw(String text) {
            int filled = WIDTH * finished / buckets;
            err.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + text + "\u001b[K");
            err.flush();
        }
    }
}
