package dev.candela.cli;

import dev.candela.core.Candela;
import dev.candela.core.compute.IndicatorResults;
import dev.candela.core.csv.CsvTableWriter;
import dev.candela.core.data.OhlcvSeries;
import dev.candela.core.registry.ResolvedIndicator;
import dev.candela.spi.Column;
import dev.candela.spi.Indicator;
import dev.candela.spi.ParameterSpec;
import dev.candela.spi.Parameters;
import dev.candela.spi.PriceField;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code candela indicators}: compute indicators into a CSV, or list what is available. */
@Command(name = "indicators", mixinStandardHelpOptions = true,
        description = {"Compute indicators over a CSV of candles (or the embedded synthetic market) and write "
                + "timestamp plus one column per output; warm-up values are empty fields.",
                "Specs: rsi(14), macd(12,26,9) -> macd(12,26,9).macd/.signal/.hist; missing parameters take "
                        + "their defaults. --list shows every indicator."})
final class IndicatorsCommand implements Callable<Integer> {

    @ParentCommand
    CandelaCli parent;

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Option(names = "--indicators", paramLabel = "SPECS", description = "Comma-separated specs, e.g. \"rsi(14),macd(12,26,9)\".")
    String indicators;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Output CSV (written atomically).")
    Path out;

    @Option(names = "--list", description = "List every indicator with parameters, defaults, outputs and lookback.")
    boolean list;

    @Option(names = "--explain", description = "Print which backend computed each output column.")
    boolean explain;

    @Override
    public Integer call() throws Exception {
        try (Candela candela = parent.global.runtime()) {
            if (list) {
                printList(candela, spec.commandLine().getOut());
                return ExitCode.OK;
            }
            if (indicators == null || indicators.isBlank()) {
                throw new ParameterException(spec.commandLine(), "Missing required option: '--indicators=SPECS'");
            }
            if (out == null) {
                throw new ParameterException(spec.commandLine(), "Missing required option: '--out=FILE'");
            }
            List<ResolvedIndicator> resolved = candela.registry().resolveAll(indicators);
            OhlcvSeries series = input.series();
            IndicatorResults results = candela.compute().compute(resolved, series);
            List<String> names = results.columnNames();
            List<Column> columns = new ArrayList<>(names.size());
            for (String name : names) {
                columns.add(Column.of(results.column(name, 0)));
            }
            CsvTableWriter.write(out, series.timestamps(), names, columns);
            PrintWriter stdout = spec.commandLine().getOut();
            if (explain) {
                for (String name : names) {
                    stdout.printf("%-40s %s%n", name, results.backendOf(name));
                }
            }
            stdout.printf("%s: %d bars x %d columns on the %s backend -> %s%n",
                    input.input != null ? input.input : "synthetic " + series.symbol(), series.size(), names.size(),
                    candela.compute().name(), out);
            return ExitCode.OK;
        }
    }

    static void printList(Candela candela, PrintWriter out) {
        out.printf("%-12s %-10s %-44s %-30s %s%n", "id", "group", "parameters (defaults)", "outputs", "lookback");
        for (Indicator ind : candela.registry().indicators().values()) {
            Parameters defaults = Parameters.defaults(ind.parameters());
            String params = ind.parameters().isEmpty() ? "-" : ind.parameters().stream()
                    .map(p -> p.name() + "=" + ParameterSpec.format(p.defaultValue()))
                    .collect(Collectors.joining(", "));
            String outputs = ind.outputs().size() == 1 ? "value" : String.join(", ", ind.outputs());
            out.printf("%-12s %-10s %-44s %-30s %d%n", ind.id(), ind.category().name().toLowerCase(Locale.ROOT), params,
                    outputs, ind.lookback(defaults));
            if (!ind.description().isEmpty()) {
                String inputs = ind.inputs().stream().map(PriceField::key).sorted().collect(Collectors.joining(","));
                out.printf("%-12s %s [%s]%n", "", ind.description(), inputs);
            }
        }
    }
}
