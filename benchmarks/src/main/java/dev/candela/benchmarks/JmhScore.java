package dev.candela.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The primary score of one benchmark and parameter combination, as JMH writes it with
 * {@code -rf json}, converted to nanoseconds per operation.
 *
 * @param benchmark  the benchmark's full name, {@code package.Class.method}
 * @param params     its {@code @Param} values by name
 * @param nanos      the mean time per operation in nanoseconds
 * @param errorNanos the half-width of JMH's 99.9% confidence interval in nanoseconds; {@code NaN} when
 *                   JMH had too few iterations to give one
 */
record JmhScore(String benchmark, Map<String, String> params, double nanos, double errorNanos) {
    private static final ObjectMapper JSON = new ObjectMapper();

    JmhScore {
        Objects.requireNonNull(benchmark, "benchmark");
        params = Map.copyOf(params);
    }

    /**
     * The results array of a JMH JSON file, one element per benchmark and parameter combination.
     *
     * @throws IllegalArgumentException if the text is not JSON or not an array
     */
    static JsonNode results(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("JMH results are a JSON array of benchmarks");
        }
        return root;
    }

    /** {@code Class.method}, without the package. */
    String simpleName() {
        int method = benchmark.lastIndexOf('.');
        int type = benchmark.lastIndexOf('.', method - 1);
        return benchmark.substring(type + 1);
    }

    /** The value of parameter {@code name}, or {@code ""} when the benchmark has no such parameter. */
    String param(String name) {
        return params.getOrDefault(name, "");
    }

    /**
     * Every score of a JMH JSON result file, in file order.
     *
     * @throws IllegalArgumentException if the text is not JMH's JSON, or a score is not an average time
     */
    static List<JmhScore> parse(String json) {
        JsonNode root = results(json);
        List<JmhScore> scores = new ArrayList<>(root.size());
        for (JsonNode result : root) {
            String benchmark = result.path("benchmark").asText("");
            if (benchmark.isEmpty()) {
                throw new IllegalArgumentException("a result without a \"benchmark\" name");
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> param : result.path("params").properties()) {
                params.put(param.getKey(), param.getValue().asText());
            }
            JsonNode metric = result.path("primaryMetric");
            if (!metric.has("score")) {
                throw new IllegalArgumentException(benchmark + " " + params + ": no primaryMetric.score");
            }
            double toNanos = nanosPerUnit(benchmark, metric.path("scoreUnit").asText(""));
            // JMH writes a missing error as the string "NaN", which asDouble parses.
            double score = metric.path("score").asDouble(Double.NaN);
            double error = metric.path("scoreError").asDouble(Double.NaN);
            scores.add(new JmhScore(benchmark, params, score * toNanos, error * toNanos));
        }
        return scores;
    }

    private static double nanosPerUnit(String benchmark, String unit) {
        switch (unit) {
            case "ns/op":
                return 1;
            case "us/op":
                return 1e3;
            case "ms/op":
                return 1e6;
            case "s/op":
                return 1e9;
            default:
                throw new IllegalArgumentException(benchmark + ": score unit '" + unit
                        + "' is not a time per operation; run the benchmarks in average-time mode (-bm avgt)");
        }
    }
}
