package dev.candela.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleBinaryOperator;

/**
 * Turns the JSON results of a run of {@link SingleSeriesBenchmark} and {@link BatchBenchmark}
 * ({@code -rf json -rff results.json}) into Markdown tables of nanoseconds per bar and the ratios between
 * implementations.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.candela.benchmarks.BenchmarkReport benchmarks/target/results.json
 * }</pre>
 *
 * <p>A cell whose benchmark was not run (for instance when the run was narrowed with {@code -p}) shows a
 * dash, and so does every ratio that needs it.
 */
public final class BenchmarkReport {
    private static final String MISSING = "–";
    private static final String INDICATOR = "indicator";
    private static final String IMPLEMENTATION = "implementation";
    private static final String SINGLE = "SingleSeriesBenchmark";
    private static final String BATCH = "BatchBenchmark";
    private static final String COMPUTE = ".compute";
    private static final String ARRAYCOPY = ".arraycopy";

    private final Map<String, JmhScore> byKey = new HashMap<>();
    private final Map<String, Set<String>> indicatorsByClass = new HashMap<>();

    private BenchmarkReport(List<JmhScore> scores) {
        for (JmhScore score : scores) {
            String simple = score.simpleName();
            byKey.put(key(simple, score.param(INDICATOR), score.param(IMPLEMENTATION)), score);
            if (simple.endsWith(COMPUTE) && !score.param(INDICATOR).isEmpty()) {
                String type = simple.substring(0, simple.length() - COMPUTE.length());
                indicatorsByClass.computeIfAbsent(type, k -> new LinkedHashSet<>()).add(score.param(INDICATOR));
            }
        }
    }

    /**
     * Prints the report of the JMH JSON file named by the only argument (default
     * {@code benchmarks/target/results.json}) to standard output. Exits with 2 when the file is missing or
     * is not JMH's JSON.
     */
    public static void main(String[] args) throws IOException {
        if (args.length > 1) {
            System.err.println("usage: BenchmarkReport [results.json]");
            System.exit(2);
        }
        Path file = Path.of(args.length == 1 ? args[0] : "benchmarks/target/results.json");
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            System.err.println("no JMH results at " + file + "; run the benchmarks with -rf json -rff " + file);
            System.exit(2);
            return;
        }
        try {
            System.out.print(markdown(JmhScore.parse(json)));
        } catch (IllegalArgumentException e) {
            System.err.println(file + ": " + e.getMessage());
            System.exit(2);
        }
    }

    /** The report of these scores: a table per benchmark class that has results, in Markdown. */
    static String markdown(List<JmhScore> scores) {
        return new BenchmarkReport(scores).render();
    }

    private String render() {
        StringBuilder out = new StringBuilder();
        if (indicatorsByClass.containsKey(SINGLE) || byKey.containsKey(key(SINGLE + ARRAYCOPY, "", ""))) {
            singleSeries(out);
        }
        if (indicatorsByClass.containsKey(BATCH) || byKey.containsKey(key(BATCH + ARRAYCOPY, "", ""))) {
            if (out.length() > 0) {
                out.append('\n');
            }
            batch(out);
        }
        if (out.length() == 0) {
            out.append("No results of ").append(SINGLE).append(" or ").append(BATCH).append(".\n");
        }
        return out.toString();
    }

    private void singleSeries(StringBuilder out) {
        out.append(String.format(Locale.ROOT, "### One series: %,d bars, one thread\n\n", SingleSeriesBenchmark.BARS));
        out.append("Nanoseconds per bar (mean ± 99.9% confidence half-width), lower is better. "
                + "Candela / TA-Lib below 1 means Candela is faster than TA-Lib; "
                + "ta4j / Candela is how many times faster Candela is than ta4j.\n\n");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(INDICATOR, "Candela", "TA-Lib", "Candela / TA-Lib", "ta4j", "ta4j / Candela",
                "memory floor"));
        for (String indicator : indicators(SINGLE)) {
            Optional<JmhScore> candela = compute(SINGLE, indicator, SingleSeriesBenchmark.CANDELA);
            Optional<JmhScore> taLib = compute(SINGLE, indicator, SingleSeriesBenchmark.TA_LIB);
            Optional<JmhScore> ta4j = compute(SINGLE, indicator, SingleSeriesBenchmark.TA4J);
            Optional<JmhScore> floor = compute(SINGLE, indicator, SingleSeriesBenchmark.MEMORY_FLOOR);
            rows.add(List.of(label(indicator), time(candela), time(taLib), ratio(candela, taLib), time(ta4j),
                    speedUp(ta4j, candela), time(floor)));
        }
        table(out, rows);
        lookup(SINGLE + ARRAYCOPY).ifPresent(copy -> out.append('\n')
                .append("System.arraycopy of the close: ").append(time(Optional.of(copy))).append(" ns per bar.\n"));
    }

    private void batch(StringBuilder out) {
        out.append(String.format(Locale.ROOT, "### Batch: %,d symbols × %,d bars\n\n", BatchBenchmark.SYMBOLS,
                BatchBenchmark.BARS));
        out.append("Nanoseconds per bar and symbol (mean ± 99.9% confidence half-width), lower is better. "
                + "Candela 1 thread computes the whole batch in one call; Candela 2 threads is the parallel "
                + "engine on a two-thread pool, writing into outputs reused from call to call like the engine "
                + "on one thread beside it; the speed-up is engine on one thread / engine on two.\n\n");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(INDICATOR, "Candela 1 thread", "Candela 2 threads", "TA-Lib 1 thread",
                "Candela 1 thread / TA-Lib", "Candela 2 threads / TA-Lib", "engine 1 thread",
                "2-thread speed-up", "memory floor"));
        for (String indicator : indicators(BATCH)) {
            Optional<JmhScore> direct = compute(BATCH, indicator, BatchBenchmark.CANDELA);
            Optional<JmhScore> engineOne = compute(BATCH, indicator, BatchBenchmark.CANDELA_ENGINE_1);
            Optional<JmhScore> engineTwo = compute(BATCH, indicator, BatchBenchmark.CANDELA_ENGINE_2);
            Optional<JmhScore> taLib = compute(BATCH, indicator, BatchBenchmark.TA_LIB);
            Optional<JmhScore> floor = compute(BATCH, indicator, BatchBenchmark.MEMORY_FLOOR);
            rows.add(List.of(label(indicator), time(direct), time(engineTwo), time(taLib), ratio(direct, taLib),
                    ratio(engineTwo, taLib), time(engineOne), speedUp(engineOne, engineTwo), time(floor)));
        }
        table(out, rows);
        lookup(BATCH + ARRAYCOPY).ifPresent(copy -> out.append('\n')
                .append("System.arraycopy of every close: ").append(time(Optional.of(copy)))
                .append(" ns per bar and symbol.\n"));
    }

    /** The compared indicators in their fixed order, then any other indicator the results hold. */
    private List<String> indicators(String type) {
        Set<String> present = indicatorsByClass.getOrDefault(type, Set.of());
        List<String> ordered = new ArrayList<>();
        Arrays.stream(ComparedIndicator.values()).map(ComparedIndicator::id).filter(present::contains)
                .forEach(ordered::add);
        present.stream().filter(id -> !ordered.contains(id)).sorted().forEach(ordered::add);
        return ordered;
    }

    private Optional<JmhScore> compute(String type, String indicator, String implementation) {
        return Optional.ofNullable(byKey.get(key(type + COMPUTE, indicator, implementation)));
    }

    private Optional<JmhScore> lookup(String simpleName) {
        return Optional.ofNullable(byKey.get(key(simpleName, "", "")));
    }

    private static String key(String simpleName, String indicator, String implementation) {
        return simpleName + '|' + indicator + '|' + implementation;
    }

    private static String label(String indicator) {
        return ComparedIndicator.find(indicator).map(ComparedIndicator::spec).orElse(indicator);
    }

    private static String time(Optional<JmhScore> score) {
        if (score.isEmpty() || Double.isNaN(score.get().nanos())) {
            return MISSING;
        }
        double value = score.get().nanos();
        String pattern = decimals(value);
        String text = String.format(Locale.ROOT, pattern, value);
        double error = score.get().errorNanos();
        return Double.isFinite(error) ? text + " ± " + String.format(Locale.ROOT, pattern, error) : text;
    }

    /** {@code numerator / denominator}: below 1 when the numerator's implementation is faster. */
    private static String ratio(Optional<JmhScore> numerator, Optional<JmhScore> denominator) {
        return combine(numerator, denominator, (a, b) -> a / b, "%.2f");
    }

    /** How many times faster {@code faster} is than {@code slower}. */
    private static String speedUp(Optional<JmhScore> slower, Optional<JmhScore> faster) {
        return combine(slower, faster, (a, b) -> a / b, null);
    }

    private static String combine(Optional<JmhScore> a, Optional<JmhScore> b, DoubleBinaryOperator op,
                                  String pattern) {
        if (a.isEmpty() || b.isEmpty()) {
            return MISSING;
        }
        double value = op.applyAsDouble(a.get().nanos(), b.get().nanos());
        if (!Double.isFinite(value)) {
            return MISSING;
        }
        return pattern != null
                ? String.format(Locale.ROOT, pattern, value)
                : String.format(Locale.ROOT, decimals(value), value) + "×";
    }

    /** Three significant digits for the values these tables hold, whole numbers from 100 on. */
    private static String decimals(double value) {
        double magnitude = Math.abs(value);
        if (magnitude >= 100) {
            return "%.0f";
        }
        return magnitude >= 10 ? "%.1f" : "%.2f";
    }

    private static void table(StringBuilder out, List<List<String>> rows) {
        List<String> header = rows.get(0);
        row(out, header);
        List<String> rule = new ArrayList<>();
        rule.add("---");
        for (int c = 1; c < header.size(); c++) {
            rule.add("---:");
        }
        row(out, rule);
        for (List<String> row : rows.subList(1, rows.size())) {
            row(out, row);
        }
    }

    private static void row(StringBuilder out, List<String> cells) {
        out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
}
