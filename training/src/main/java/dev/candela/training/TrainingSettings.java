package dev.candela.training;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The configuration of a progressive training run, read from JSON. Every key has a default (see
 * {@link #defaults()} and the {@code defaults} JSON resource); a file only names what it changes:
 *
 * <pre>{@code
 * {"model": {"type": "lstm", "window": 24, "layers": [{"size": 32}]}, "buckets": {"count": 8}}
 * }</pre>
 *
 * <p>Reading is strict: an unknown key, a value of the wrong type or a value that breaks a rule fails with
 * a {@link TrainingConfigException} naming the key's full path ({@code model.layers[1].size}) and, for a
 * file, the file and line.
 *
 * @param seed       seed of every random choice (initial weights, dropout, shuffling); same seed and data,
 *                   same result
 * @param threads    threads of the BLAS library, which split the matrix products, or {@code null} for the
 *                   JVM's available processors
 * @param opThreads  libnd4j's threads (OpenMP and master) for element-wise operations, reductions and
 *                   custom operations on the training thread; 1 by default, since a trading model's
 *                   operations are too small to split and a second OpenMP team contends with the BLAS
 *                   threads (see {@code Nd4jThreads.apply(int, int)})
 * @param features   how the feature table is built from candles (used by {@link TrainingData})
 * @param model      the network
 * @param fit        how each bucket is fitted
 * @param buckets    how the rows are split into buckets
 * @param transfer   how knowledge moves from one bucket's model to the next
 * @param baseline   the from-scratch comparison
 * @param evaluation the trading evaluation
 * @param memory     memory safeguards
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TrainingSettings(long seed, Integer threads, int opThreads, Features features, Model model, Fit fit,
                               Buckets buckets, Transfer transfer, Baseline baseline, Evaluation evaluation,
                               Memory memory) {

    public TrainingSettings {
        if (threads != null) {
            Rules.atLeast("threads", threads, 1);
        }
        Rules.atLeast("opThreads", opThreads, 1);
        Rules.present("features", features);
        Rules.present("model", model);
        Rules.present("fit", fit);
        Rules.present("buckets", buckets);
        Rules.present("transfer", transfer);
        Rules.present("baseline", baseline);
        Rules.present("evaluation", evaluation);
        Rules.present("memory", memory);
        if (transfer.frozenLayers() > model.layers().size()) {
            throw new InvalidSetting("transfer.frozenLayers", "cannot freeze " + transfer.frozenLayers()
                    + " layers of a model with " + model.layers().size() + " hidden layers");
        }
    }

    /** Every default, in one place (the {@code defaults} JSON resource of this package). */
    public static TrainingSettings defaults() {
        return SettingsJson.defaults();
    }

    /**
     * Reads a JSON file over the defaults.
     *
     * @throws TrainingConfigException naming the key, the file and the line of a bad value
     * @throws java.io.IOException     when the file cannot be read
     */
    public static TrainingSettings read(Path file) throws java.io.IOException {
        return SettingsJson.read(file);
    }

    /**
     * Reads parsed JSON (maps, lists, strings, numbers, booleans) over the defaults, as the {@code Trainer}
     * SPI hands it over.
     *
     * @throws TrainingConfigException naming the key of a bad value
     */
    public static TrainingSettings fromMap(Map<String, ?> config) {
        return SettingsJson.fromMap(config, "the training configuration");
    }

    /** These settings as plain JSON data, every key included (what {@code config.json} of a run holds). */
    public Map<String, Object> toMap() {
        return SettingsJson.toMap(this);
    }

    /** These settings as indented JSON. */
    public String toJson() {
        return SettingsJson.toJson(this);
    }

    /**
     * The feature table: indicators on several timeframes merged onto the base candles, lagged copies, past
     * returns and a down / flat / up label over {@code horizon} base bars.
     *
     * @param timeframes timeframes in column order, e.g. {@code ["1h", "4h", "1d"]}; empty for the data's
     *                   own timeframe with the ones 4 and 24 times longer where they exist
     * @param indicators indicator specs computed on every timeframe, e.g. {@code "rsi(14),macd(12,26,9)"}
     * @param lags       lagged copies of each feature, in base bars
     * @param returns    past returns of the base close, in base bars
     * @param horizon    label horizon in base bars
     * @param flatBand   half-width of the flat class, as a fraction (0.002 = 0.2 %)
     */
    public record Features(List<String> timeframes, String indicators, List<Integer> lags, List<Integer> returns,
                           int horizon, double flatBand) {
        public Features {
            timeframes = List.copyOf(Rules.present("timeframes", timeframes));
            Rules.present("indicators", indicators);
            if (indicators.isBlank()) {
                throw new InvalidSetting("indicators", "must name at least one indicator");
            }
            lags = List.copyOf(Rules.present("lags", lags));
            returns = List.copyOf(Rules.present("returns", returns));
            for (int i = 0; i < lags.size(); i++) {
                Rules.atLeast("lags[" + i + "]", lags.get(i), 1);
            }
            for (int i = 0; i < returns.size(); i++) {
                Rules.atLeast("returns[" + i + "]", returns.get(i), 1);
            }
            Rules.atLeast("horizon", horizon, 1);
            if (!Double.isFinite(flatBand) || flatBand < 0 || flatBand >= 1) {
                throw new InvalidSetting("flatBand", "must be a fraction in [0, 1), was " + flatBand);
            }
        }
    }

    /** What the network predicts. */
    public enum Task {
        /** Down / flat / up, softmax with cross-entropy. */
        CLASSIFICATION,
        /** The forward return itself (scaled), identity output with mean squared error. */
        REGRESSION;

        /** The name used in JSON, e.g. {@code classification}. */
        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The network's architecture. */
    public enum ModelType {
        /** Dense layers over one feature row. */
        MLP,
        /** LSTM layers over a window of feature rows; the last step feeds the output layer. */
        LSTM;

        /** The name used in JSON, e.g. {@code lstm}. */
        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The optimiser of the weights. */
    public enum UpdaterKind {
        ADAM, NESTEROVS, RMSPROP, SGD;

        /** The name used in JSON, e.g. {@code adam}. */
        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * The network.
     *
     * @param type         {@code mlp} or {@code lstm}
     * @param task         {@code classification} or {@code regression}
     * @param window       rows per LSTM input window (ignored by the MLP)
     * @param layers       hidden layers, input side first
     * @param updater      {@code adam}, {@code nesterovs}, {@code rmsprop} or {@code sgd}
     * @param learningRate learning rate of the first bucket
     * @param l2           L2 weight penalty
     * @param batchSize    mini-batch size (the optimizer may shrink it under memory pressure)
     */
    public record Model(ModelType type, Task task, int window, List<Layer> layers, UpdaterKind updater,
                        double learningRate, double l2, int batchSize) {
        public Model {
            Rules.present("type", type);
            Rules.present("task", task);
            Rules.atLeast("window", window, 1);
            layers = List.copyOf(Rules.present("layers", layers));
            if (layers.isEmpty()) {
                throw new InvalidSetting("layers", "must hold at least one hidden layer");
            }
            Rules.present("updater", updater);
            Rules.positive("learningRate", learningRate);
            if (!Double.isFinite(l2) || l2 < 0) {
                throw new InvalidSetting("l2", "must be a finite number >= 0, was " + l2);
            }
            Rules.atLeast("batchSize", batchSize, 1);
        }

        /** How many past rows one example spans: {@link #window()} for the LSTM, 1 for the MLP. */
        public int span() {
            return type == ModelType.LSTM ? window : 1;
        }
    }

    /**
     * One hidden layer.
     *
     * @param size       units
     * @param dropout    probability of dropping a unit's input during training, in [0, 1); 0 when left out
     * @param activation activation function name (DL4J's {@code Activation}), e.g. {@code relu}, {@code tanh};
     *                   {@code null} for relu in an MLP and tanh in an LSTM
     */
    public record Layer(int size, Double dropout, String activation) {
        public Layer {
            Rules.atLeast("size", size, 1);
            // Array elements replace the defaults whole, so an element's optional keys default here.
            dropout = dropout == null ? 0.0 : dropout;
            if (!Double.isFinite(dropout) || dropout < 0 || dropout >= 1) {
                throw new InvalidSetting("dropout", "must be a probability in [0, 1), was " + dropout);
            }
            if (activation != null) {
                activation = activation.strip().toLowerCase(Locale.ROOT);
                if (!Networks.isActivation(activation)) {
                    throw new InvalidSetting("activation", "unknown activation '" + activation + "'; known: "
                            + Networks.activationNames());
                }
            }
        }
    }

    /**
     * How each bucket is fitted: early stopping on the validation slice.
     *
     * @param maxEpochs          epochs at most
     * @param patience           epochs without a better validation loss before stopping
     * @param validationFraction share of each bucket's rows, at its end, held out for early stopping
     * @param shuffle            shuffle the training rows every epoch (seeded)
     */
    public record Fit(int maxEpochs, int patience, double validationFraction, boolean shuffle) {
        public Fit {
            Rules.atLeast("maxEpochs", maxEpochs, 1);
            Rules.atLeast("patience", patience, 1);
            if (!(validationFraction > 0 && validationFraction < 1)) {
                throw new InvalidSetting("validationFraction", "must be a fraction in (0, 1), was "
                        + validationFraction);
            }
        }
    }

    /** How rows are grouped into buckets. */
    public enum BucketMode {
        /** Consecutive time windows, oldest first. */
        WALK_FORWARD,
        /** Volatility regimes, calmest first (a curriculum); each bucket gathers stretches of similar volatility. */
        VOLATILITY;

        /** The name used in JSON, e.g. {@code walk-forward}. */
        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * The buckets.
     *
     * @param mode     {@code walk-forward} or {@code volatility}
     * @param count    number of buckets
     * @param segments for {@code volatility}: stretches per bucket the rows are cut into before sorting by
     *                 volatility
     */
    public record Buckets(BucketMode mode, int count, int segments) {
        public Buckets {
            Rules.present("mode", mode);
            Rules.atLeast("count", count, 1);
            Rules.atLeast("segments", segments, 1);
        }
    }

    /**
     * Knowledge transfer between buckets.
     *
     * @param enabled           start each bucket from the previous bucket's model; false trains every bucket
     *                          from scratch
     * @param frozenLayers      hidden layers, from the input side, kept fixed after the first bucket
     * @param learningRateDecay factor applied to the learning rate at each transfer, in (0, 1]
     */
    public record Transfer(boolean enabled, int frozenLayers, double learningRateDecay) {
        public Transfer {
            Rules.atLeast("frozenLayers", frozenLayers, 0);
            if (!(learningRateDecay > 0 && learningRateDecay <= 1)) {
                throw new InvalidSetting("learningRateDecay", "must be in (0, 1], was " + learningRateDecay);
            }
        }
    }

    /**
     * The baseline.
     *
     * @param enabled also train a model from scratch on every bucket, for comparison
     */
    public record Baseline(boolean enabled) {
    }

    /**
     * The trading evaluation of the model's signal.
     *
     * @param feeRate cost of one unit of position change, as a fraction of the traded value (0.0005 = 5 bp)
     */
    public record Evaluation(double feeRate) {
        public Evaluation {
            if (!Double.isFinite(feeRate) || feeRate < 0 || feeRate >= 1) {
                throw new InvalidSetting("feeRate", "must be a fraction in [0, 1), was " + feeRate);
            }
        }
    }

    /**
     * Memory safeguards.
     *
     * @param headroom       factor over the estimated bytes that must be free before a transfer, at least 1
     * @param cacheBytes     most bytes of bucket datasets kept in memory
     */
    public record Memory(double headroom, long cacheBytes) {
        public Memory {
            if (!(headroom >= 1) || !Double.isFinite(headroom)) {
                throw new InvalidSetting("headroom", "must be a finite number >= 1, was " + headroom);
            }
            Rules.atLeast("cacheBytes", cacheBytes, 0);
        }
    }

    /** Checks shared by the records; failures name the key relative to the record. */
    static final class Rules {
        private Rules() {
        }

        static <T> T present(String key, T value) {
            if (value == null) {
                throw new InvalidSetting(key, "must be given");
            }
            return value;
        }

        static void atLeast(String key, long value, long min) {
            if (value < min) {
                throw new InvalidSetting(key, "must be at least " + min + ", was " + value);
            }
        }

        static void positive(String key, double value) {
            if (!(value > 0) || !Double.isFinite(value)) {
                throw new InvalidSetting(key, "must be a finite number > 0, was " + value);
            }
        }
    }

    /** A rule broken inside a record; {@code key} is relative to that record and completed by the reader. */
    static final class InvalidSetting extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String key;
        private final String problem;

        InvalidSetting(String key, String problem) {
            super(key + " " + problem);
            this.key = Objects.requireNonNull(key);
            this.problem = problem;
        }

        String key() {
            return key;
        }

        String problem() {
            return problem;
        }
    }
}
