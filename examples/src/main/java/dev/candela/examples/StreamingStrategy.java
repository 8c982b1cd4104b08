package dev.candela.examples;

import dev.candela.core.Candela;
import dev.candela.core.data.OhlcvSeries;
import dev.candela.core.features.FeatureMatrix;
import dev.candela.core.market.SyntheticMarket;
import dev.candela.core.registry.ResolvedIndicator;
import dev.candela.core.state.IndicatorStateJson;
import dev.candela.spi.IndicatorState;
import dev.candela.spi.PriceField;
import dev.candela.spi.Trainer;
import dev.candela.spi.TrainingListener;
import dev.candela.training.Backtest;
import dev.candela.training.BacktestResult;
import dev.candela.training.ProgressiveTrainer;
import dev.candela.training.TrainedModel;
import dev.candela.training.TrainingData;
import dev.candela.training.TrainingSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Embedding Candela in a custom strategy. History trains a model; then bars "arrive" one at a time:
 * streaming indicator states (EMA 20/50 trend, RSI 14 filter) are updated per bar in O(1), the trained
 * model's signal is read for the bar, and the strategy trades only when both agree. The indicator states are
 * saved to JSON and restored half-way, as a live process would across a restart. A backtest with fees
 * compares the strategy with the model alone and with buy-and-hold on the same bars.
 *
 * <p>The model's features are multi-timeframe rows from the feature pipeline. They are computed here once
 * over the whole series: the feature pipeline merges higher timeframes without look-ahead (the look-ahead
 * audit proves the row of a bar never changes when later bars arrive), so this gives the same rows a live
 * process would build over a trailing window at each bar, only faster.
 *
 * <pre>{@code ./candela example strategy --out runs/strategy}</pre>
 */
@Command(name = "strategy", mixinStandardHelpOptions = true,
        description = "A strategy embedding Candela: streaming indicators on arriving bars plus a trained model's "
                + "signal, backtested with fees.")
public final class StreamingStrategy implements Callable<Integer> {

    @Option(names = "--bars", defaultValue = "20000", description = "Hourly candles of the synthetic market (default: ${DEFAULT-VALUE}).")
    int bars;

    @Option(names = "--history", defaultValue = "0.7", description = "Share of the bars used to train (default: ${DEFAULT-VALUE}).")
    double history;

    @Option(names = "--fee", defaultValue = "0.0005", description = "Cost per unit of position change (default: ${DEFAULT-VALUE}).")
    double fee;

    @Option(names = "--out", defaultValue = "runs/strategy", description = "Folder for the model's run (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--run", description = "Use the model of this finished run instead of training one.")
    Path run;

    @Option(names = "--train-config", description = "Training configuration (JSON) when training; default: the built-in settings.")
    Path trainConfig;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!(history > 0.1 && history < 0.95)) {
            throw new IllegalArgumentException("--history must be between 0.1 and 0.95, got " + history);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        OhlcvSeries market = SyntheticMarket.builder().symbols("SYN").bars(bars).build().generateSeries().get(0);
        int split = (int) (market.size() * history);

        try (Candela candela = Candela.create()) {
            // 1. A model trained on history only (or one the user trained before).
            TrainedModel model = run != null ? TrainedModel.load(run) : train(candela, market.slice(0, split), stdout);
            FeatureMatrix table = TrainingData.table(candela, market, model.settings().features());
            Map<Long, Integer> rowOf = new HashMap<>();
            for (int row = 0; row < table.rowCount(); row++) {
                rowOf.put(table.timestamp(row), row);
            }

            // 2. Streaming indicators, warmed up on history.
            List<ResolvedIndicator> specs = candela.registry().resolveAll("ema(20),ema(50),rsi(14)");
            IndicatorState[] states = specs.stream().map(r -> r.indicator().newState(r.parameters()))
                    .toArray(IndicatorState[]::new);
            for (int bar = 0; bar < split; bar++) {
                update(states, market, bar);
            }

            // 3. Bars arrive one at a time; every horizon-th bar the strategy decides its position.
            int horizon = table.horizon();
            int live = market.size() - split;
            int restartAt = split + live / 2;
            double[] strategy = new double[live];
            double[] modelOnly = new double[live];
            double[] returns = new double[live];
            long[] times = new long[live];
            int decisions = 0;
            for (int bar = split; bar < market.size(); bar++) {
                if (bar == restartAt) {
                    states = restart(specs, states);   // what a process restart looks like
                }
                update(states, market, bar);
                Integer row = rowOf.get(market.timestamp(bar));
                if (row == null || (bar - split) % horizon != 0 || row < model.firstRow()) {
                    continue;
                }
                double forward = table.forwardReturns().get(row);
                if (!Double.isFinite(forward)) {
                    continue;   // the last bars have no realised forward return yet
                }
                int signal = model.position(table, row);
                double ema20 = states[0].value();
                double ema50 = states[1].value();
                double rsi = states[2].value();
                int trend = ema20 > ema50 ? 1 : ema20 < ema50 ? -1 : 0;
                boolean stretched = signal > 0 ? rsi > 70 : signal < 0 && rsi < 30;
                strategy[decisions] = signal == trend && !stretched ? signal : 0;
                modelOnly[decisions] = signal;
                returns[decisions] = forward;
                times[decisions] = market.timestamp(bar);
                decisions++;
            }

            // 4. The backtest, with fees, on the same decision bars.
            Backtest backtest = new Backtest(horizon, fee);
            double[] s = Arrays.copyOf(strategy, decisions);
            double[] m = Arrays.copyOf(modelOnly, decisions);
            double[] r = Arrays.copyOf(returns, decisions);
            long[] t = Arrays.copyOf(times, decisions);
            stdout.printf(Locale.ROOT, "%nlive: %,d bars after %,d of history, a decision every %d bars (%d decisions), "
                    + "indicator states restored from JSON at bar %,d%n", live, split, horizon, decisions, restartAt);
            stdout.printf(Locale.ROOT, "%-28s %9s %8s %9s %7s%n", "", "return", "sharpe", "drawdown", "trades");
            print(stdout, "model + trend + rsi filter", backtest.run(s, r, t));
            print(stdout, "model alone", backtest.run(m, r, t));
            print(stdout, "buy and hold", backtest.buyAndHold(r, t));
        }
        stdout.flush();
        return 0;
    }

    private TrainedModel train(Candela candela, OhlcvSeries history, PrintWriter stdout) throws Exception {
        if (Files.exists(out.resolve("config.json"))) {
            throw new IllegalArgumentException(out + " already holds a run; pass it with --run, or choose another --out");
        }
        TrainingSettings settings = trainConfig != null ? TrainingSettings.read(trainConfig) : TrainingSettings.defaults();
        FeatureMatrix table = TrainingData.table(candela, history, settings.features());
        stdout.printf(Locale.ROOT, "training on %,d bars of history (%,d rows x %d features) -> %s%n",
                history.size(), table.rowCount(), table.featureNames().size(), out);
        stdout.flush();
        candela.get(ProgressiveTrainer.class).train(new Trainer.Request(table, settings.toMap(), out, false),
                new TrainingListener() { });
        return TrainedModel.load(out);
    }

    private static void update(IndicatorState[] states, OhlcvSeries s, int bar) {
        double open = s.column(PriceField.OPEN).get(bar);
        double high = s.column(PriceField.HIGH).get(bar);
        double low = s.column(PriceField.LOW).get(bar);
        double close = s.column(PriceField.CLOSE).get(bar);
        double volume = s.column(PriceField.VOLUME).get(bar);
        for (IndicatorState state : states) {
            state.update(s.timestamp(bar), open, high, low, close, volume);
        }
    }

    /** Saves every state as JSON and builds fresh ones from it, as a restarted process would. */
    private static IndicatorState[] restart(List<ResolvedIndicator> specs, IndicatorState[] states) {
        IndicatorState[] restored = new IndicatorState[states.length];
        for (int i = 0; i < states.length; i++) {
            String json = IndicatorStateJson.save(specs.get(i), states[i]);
            restored[i] = IndicatorStateJson.restore(specs.get(i), json);
        }
        return restored;
    }

    private static void print(PrintWriter out, String name, BacktestResult r) {
        out.printf(Locale.ROOT, "%-28s %+8.1f%% %8.2f %8.1f%% %7d%n", name, 100 * r.totalReturn(), r.sharpe(),
                100 * r.maxDrawdown(), r.trades());
    }
}
