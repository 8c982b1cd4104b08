package dev.candela.cli;

import dev.candela.core.csv.CsvReadResult;
import dev.candela.core.csv.InvalidRowPolicy;
import dev.candela.core.csv.RowError;
import dev.candela.core.csv.ValidationReport;
import dev.candela.core.data.Gap;
import dev.candela.core.data.Timeframe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code candela validate}: every invalid row and every gap of a CSV file. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check an OHLCV CSV file row by row and list invalid rows (file:line: column: problem) "
                + "and gaps (missing candles).", "Exit code 3 if any row is invalid; gaps alone are not errors."})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Option(names = {"-t", "--timeframe"}, paramLabel = "TF", converter = TimeframeConverter.class,
            description = "Expected bar timeframe for the gap report (default: the most common step).")
    Timeframe timeframe;

    @Option(names = "--max-errors", paramLabel = "N", defaultValue = "100",
            description = "Print at most N invalid rows (default: ${DEFAULT-VALUE}); all are counted.")
    int maxErrors;

    @Override
    public Integer call() throws Exception {
        CsvReadResult result = input.reader(InvalidRowPolicy.SKIP, timeframe).read(input.existing());
        ValidationReport report = result.report();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int shown = 0;
        for (RowError e : report.errors()) {
            if (shown++ >= maxErrors) {
                break;
            }
            err.println(e);
        }
        if (report.skippedRows() > shown) {
            err.printf("... %d invalid rows in all%n", report.skippedRows());
        }
        for (Gap g : report.gaps().gaps()) {
            out.println("gap " + g);
        }
        out.printf("%s: %d rows (%s), %d invalid, %d gaps with %d missing candles%s%n", report.file(), report.rows(),
                report.format(), report.skippedRows(), report.gaps().count(), report.gaps().missingBars(),
                report.gaps().timeframe().map(tf -> " of " + tf).orElse(""));
        out.flush();
        err.flush();
        return report.allRowsValid() ? ExitCode.OK : ExitCode.BAD_DATA;
    }
}
