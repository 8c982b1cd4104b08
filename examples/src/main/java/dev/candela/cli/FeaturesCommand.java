package dev.candela.cli;

import dev.candela.core.Candela;
import dev.candela.core.data.OhlcvSeries;
import dev.candela.core.data.Timeframe;
import dev.candela.core.features.FeatureFrame;
import dev.candela.core.features.FeatureMatrix;
import dev.candela.core.features.FeaturePipeline;
import dev.candela.core.features.LabelSpec;
import dev.candela.core.features.Normalization;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code candela features}: a multi-timeframe feature matrix, without look-ahead, as CSV. */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = {"Compute indicators on several timeframes, merge them onto the base candles without "
                + "look-ahead and write a feature matrix: timestamp, then one column per feature "
                + "(1h:rsi(14), 4h:macd(12,26,9).hist, 1h:rsi(14)@lag3, ...), then the labels.",
                "A higher candle first appears on the base bar that closes when it closes; an unfinished one never "
                        + "appears. Rows in warm-up are dropped and counted."})
final class FeaturesCommand implements Callable<Integer> {

    @ParentCommand
    CandelaCli parent;

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Mixin
    PipelineOptions pipeline;

    @Option(names = "--label", paramLabel = "KIND:H", converter = LabelConverter.class,
            description = "Label every row from the forward return over H base bars: fwd-return:H or class:H "
                    + "(down/flat/up, see --flat-band), sign:H (up or not). Writes fwd-return(H) and the class.")
    LabelSpec label;

    @Option(names = "--flat-band", paramLabel = "FRACTION", defaultValue = "0",
            description = "Half-width of the flat class of fwd-return and class labels, e.g. 0.002 for 0.2% "
                    + "(default: ${DEFAULT-VALUE}).")
    double flatBand;

    @Option(names = "--normalize", paramLabel = "zscore|minmax", converter = NormalizationConverter.class,
            description = "Normalise every feature with statistics of the first --fit-fraction of the rows only.")
    Normalization normalization;

    @Option(names = "--fit-fraction", paramLabel = "FRACTION", defaultValue = "0.7",
            description = "Share of the rows, from the start, that normalisation statistics come from "
                    + "(default: ${DEFAULT-VALUE}).")
    double fitFraction;

    @Option(names = "--keep-incomplete-rows",
            description = "Keep rows with missing features (warm-up included) as empty fields.")
    boolean keepIncompleteRows;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE",
            description = "Output CSV (written atomically; nothing is written on an error).")
    Path out;

    @Override
    public Integer call() throws Exception {
        OhlcvSeries series = input.series();
        try (Candela candela = parent.global.runtime()) {
            FeaturePipeline features = pipeline.build(candela, spec);
            FeatureMatrix.Builder recipe = pipeline.matrix();
            if (label != null) {
                recipe.label(label.kind() == LabelSpec.Kind.SIGN ? label
                        : LabelSpec.classes(label.horizon(), flatBand));
            }
            if (normalization != null) {
                recipe.normalize(normalization, fitFraction);
            }
            if (keepIncompleteRows) {
                recipe.keepIncompleteRows();
            }
            FeatureFrame frame = features.compute(series);
            FeatureMatrix matrix = recipe.build(frame);
            matrix.writeCsv(out);
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.printf(Locale.ROOT, "%s: %d %s bars -> %d rows x %d features on the %s backend -> %s%n",
                    input.input != null ? input.input : "synthetic " + series.symbol(), frame.rowCount(),
                    frame.baseTimeframe(), matrix.rowCount(), matrix.featureNames().size(), features.backendName(), out);
            stdout.printf(Locale.ROOT, "dropped %d warm-up rows, %d incomplete rows, %d rows without a label%n",
                    matrix.warmUpRowsDropped(), matrix.incompleteRowsDropped(), matrix.unlabeledRowsDropped());
            stdout.flush();
            return ExitCode.OK;
        }
    }

    /** Parses {@code fwd-return:12}, {@code class:12} and {@code sign:12}. */
    static final class LabelConverter implements CommandLine.ITypeConverter<LabelSpec> {
        @Override
        public LabelSpec convert(String value) {
            String text = value.strip().toLowerCase(Locale.ROOT);
            int colon = text.indexOf(':');
            if (colon < 0) {
                throw new CommandLine.TypeConversionException("label '" + value
                        + "' must be KIND:HORIZON, e.g. fwd-return:12, class:12 or sign:12");
            }
            String kind = text.substring(0, colon).strip();
            int horizon;
            try {
                horizon = Integer.parseInt(text.substring(colon + 1).strip());
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("label horizon '" + text.substring(colon + 1)
                        + "' is not a whole number of bars");
            }
            if (horizon < 1) {
                throw new CommandLine.TypeConversionException("label horizon must be at least 1 bar, was " + horizon);
            }
            switch (kind) {
                case "fwd-return", "class":
                    return LabelSpec.classes(horizon, 0);
                case "sign":
                    return LabelSpec.sign(horizon);
                default:
                    throw new CommandLine.TypeConversionException("unknown label kind '" + kind
                            + "'; expected fwd-return, class or sign");
            }
        }
    }

    /** Parses {@code zscore} and {@code minmax}. */
    static final class NormalizationConverter implements CommandLine.ITypeConverter<Normalization> {
        @Override
        public Normalization convert(String value) {
            try {
                return Normalization.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("unknown normalisation '" + value
                        + "'; expected zscore or minmax");
            }
        }
    }

    /**
     * The options that define the features, shared by {@code features} and {@code audit-lookahead} so that
     * the audit checks exactly what the matrix would contain.
     */
    static final class PipelineOptions {

        @Option(names = "--timeframes", paramLabel = "TF,TF,...", split = ",", converter = TimeframeConverter.class,
                description = "Timeframes to compute on, in column order, e.g. 1h,4h,1d; each a whole multiple of "
                        + "the data's timeframe (default: the data's timeframe alone).")
        List<Timeframe> timeframes = new ArrayList<>();

        @Option(names = "--indicators", required = true, paramLabel = "SPECS",
                description = "Indicators computed on every timeframe, e.g. \"rsi(14),macd(12,26,9)\".")
        String indicators;

        @Option(names = "--lags", paramLabel = "N,N,...", split = ",",
                description = "Also add each feature N base bars earlier, as <column>@lagN.")
        List<Integer> lags = new ArrayList<>();

        @Option(names = "--returns", paramLabel = "N,N,...", split = ",",
                description = "Add past returns of the base close over N bars, as <base>:return(N).")
        List<Integer> returns = new ArrayList<>();

        @Option(names = "--weighted", paramLabel = "COLUMNS",
                description = "Indicator columns to combine across timeframes with --weights, e.g. \"rsi(14)\"; "
                        + "adds mtf:<column>.")
        String weighted;

        @Option(names = "--weights", paramLabel = "TF=W,...",
                description = "Timeframe weights for --weighted, e.g. 1h=0.5,4h=0.3,1d=0.2 (normalised to sum 1).")
        String weights;

        /** The pipeline these options describe, on the runtime's backend. */
        FeaturePipeline build(Candela candela, CommandSpec spec) {
            FeaturePipeline.Builder b = FeaturePipeline.builder(candela).timeframes(timeframes).indicators(indicators);
            if ((weighted == null) != (weights == null)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--weighted and --weights go together: name the columns and their timeframe weights");
            }
            if (weighted != null) {
                Map<Timeframe, Double> w = parseWeights(weights);
                for (String column : splitOutsideParentheses(weighted)) {
                    b.weighted(column, w);
                }
            }
            return b.build();
        }

        /** The matrix recipe these options describe: every feature, with lags and returns. */
        FeatureMatrix.Builder matrix() {
            return FeatureMatrix.builder().lags(toArray(lags)).returns(toArray(returns));
        }

        private static int[] toArray(List<Integer> values) {
            return values.stream().mapToInt(Integer::intValue).toArray();
        }

        static Map<Timeframe, Double> parseWeights(String text) {
            Map<Timeframe, Double> out = new LinkedHashMap<>();
            for (String part : text.split(",")) {
                String item = part.strip();
                if (item.isEmpty()) {
                    continue;
                }
                int eq = item.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("weight '" + item + "' must be TF=WEIGHT, e.g. 4h=0.3");
                }
                Timeframe tf = Timeframe.parse(item.substring(0, eq));
                double w;
                try {
                    w = Double.parseDouble(item.substring(eq + 1).strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("weight of " + tf + " '" + item.substring(eq + 1)
                            + "' is not a number", e);
                }
                if (out.put(tf, w) != null) {
                    throw new IllegalArgumentException("timeframe " + tf + " is weighted twice");
                }
            }
            return out;
        }

        /** Splits {@code rsi(14),macd(12,26,9).hist} at the commas that are not inside parentheses. */
        static List<String> splitOutsideParentheses(String text) {
            List<String> parts = new ArrayList<>();
            int depth = 0;
            int start = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    depth--;
                } else if (c == ',' && depth == 0) {
                    addIfPresent(parts, text.substring(start, i));
                    start = i + 1;
                }
            }
            addIfPresent(parts, text.substring(start));
            return parts;
        }

        private static void addIfPresent(List<String> parts, String part) {
            if (!part.isBlank()) {
                parts.add(part.strip());
            }
        }
    }
}
