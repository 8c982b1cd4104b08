package dev.candela.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The overhead of progressive training from {@link TrainingBenchmark#paired} results: per iteration, the
 * ratio of the progressive run to the plain loops that ran beside it, then the median of those ratios
 * (and their quartiles) over the iterations. A ratio of sides measured within the same iteration cancels
 * the slow drift of a shared machine that separate benchmark methods cannot.
 */
public final class TrainingOverheadReport {
    private TrainingOverheadReport() {
    }

    /** One {@code paired} result: its parameters and the milliseconds of each side, iteration by iteration. */
    record Paired(String model, String table, String threads, String opThreads, int epochs, int samplesPerEpoch,
                  double[] plain, double[] plainWithEvaluation,
                  double[] progressive) {
    }

    /** Prints the report of the JMH JSON file named by the only argument (exit 2 when it cannot be read). */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: TrainingOverheadReport results.json");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        try {
            System.out.print(markdown(parse(Files.readString(file, StandardCharsets.UTF_8))));
        } catch (NoSuchFileException e) {
            System.err.println("no JMH results at " + file);
            System.exit(2);
        } catch (IllegalArgumentException e) {
            System.err.println(file + ": " + e.getMessage());
            System.exit(2);
        }
    }

    /**
     * The {@code TrainingBenchmark.paired} results of a JMH JSON file.
     *
     * @throws IllegalArgumentException when the text is not JMH's JSON or a paired result lacks a side
     */
    static List<Paired> parse(String json) {
        List<Paired> out = new ArrayList<>();
        for (JsonNode result : JmhScore.results(json)) {
            if (!result.path("benchmark").asText("").endsWith("TrainingBenchmark.paired")) {
                continue;
            }
            JsonNode params = result.path("params");
            JsonNode secondary = result.path("secondaryMetrics");
            String threads = params.path("threads").asText("?");
            String model = params.path("model").asText("?");
            int rows = params.path("rows").asInt(4000);
            int buckets = params.path("buckets").asInt(4);
            String table = String.format(Locale.ROOT, "%,d x %d, %d buckets%s", rows, params.path("features").asInt(16),
                    buckets, params.path("shuffle").asBoolean(false) ? ", shuffled" : "");
            // Results from before the opThreads parameter ran libnd4j's operations on as many threads as BLAS.
            out.add(new Paired(model, table, threads, params.path("opThreads").asText(threads),
                    params.path("epochs").asInt(3), TrainingBenchmark.trainingRowsPerEpoch(rows, buckets,
                    model.equals("lstm")), raw(secondary, "plainMillis"), raw(secondary, "plainWithEvaluationMillis"),
                    raw(secondary, "progressiveMillis")));
        }
        return out;
    }

    private static double[] raw(JsonNode secondary, String name) {
        JsonNode forks = secondary.path(name).path("rawData");
        if (!forks.isArray() || forks.isEmpty()) {
            throw new IllegalArgumentException("paired result without the secondary metric " + name);
        }
        List<Double> values = new ArrayList<>();
        for (JsonNode fork : forks) {
            for (JsonNode value : fork) {
                values.add(value.asDouble());
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The Markdown table: medians per side, and the overheads as medians of per-iteration ratios. */
    static String markdown(List<Paired> results) {
        StringBuilder out = new StringBuilder();
        out.append("| model | table | epochs | threads | op threads | iterations | plain loop | plain + evaluation | progressive | "
                + "samples/s progressive | over plain + evaluation | over plain loop |\n");
        out.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Paired p : results) {
            int n = Math.min(p.plain().length, Math.min(p.plainWithEvaluation().length, p.progressive().length));
            double[] overEvaluation = new double[n];
            double[] overPlain = new double[n];
            for (int i = 0; i < n; i++) {
                overEvaluation[i] = p.progressive()[i] / p.plainWithEvaluation()[i] - 1;
                overPlain[i] = p.progressive()[i] / p.plain()[i] - 1;
            }
            double progressive = median(p.progressive());
            out.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s | %d | %,.0f ms | %,.0f ms | %,.0f ms | %,.0f | %s | %s |%n",
                    p.model(), p.table(), p.epochs(), p.threads(), p.opThreads(), n, median(p.plain()), median(p.plainWithEvaluation()),
                    progressive, (double) p.samplesPerEpoch() * p.epochs() / (progressive / 1000),
                    percentWithQuartiles(overEvaluation),
                    percentWithQuartiles(overPlain)));
        }
        return out.toString();
    }

    /** The median as a signed percentage, with the quartiles in brackets. */
    static String percentWithQuartiles(double[] ratios) {
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%+.1f %% (%+.1f to %+.1f)", 100 * quantile(sorted, 0.5),
                100 * quantile(sorted, 0.25), 100 * quantile(sorted, 0.75));
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return quantile(sorted, 0.5);
    }

    /** The {@code q} quantile of sorted values, interpolated linearly between neighbours. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
