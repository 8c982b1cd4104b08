package dev.candela.core.features;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The verdict of a {@link LookaheadAudit}: every feature column whose values on earlier rows changed when
 * later data was cut off. Such a column uses data its rows could not have known.
 *
 * @param symbol    the audited series' symbol
 * @param rows      rows of the full data
 * @param columns   the columns checked
 * @param cuts      the cut points: the number of leading rows kept in each recomputation
 * @param tolerance the relative difference below which two values counted as equal
 * @param leaks     the leaking columns, in column order; empty when the audit passed
 */
public record LookaheadReport(String symbol, int rows, List<String> columns, List<Integer> cuts, double tolerance,
                              List<Leak> leaks) {

    /**
     * One leaking column, with the first evidence found.
     *
     * @param column       the column's name
     * @param cutsChanged  in how many of the cuts some earlier value changed
     * @param cutRows      rows kept in the first cut that showed the change
     * @param lastKept     open time of the last row kept in that cut
     * @param row          open time of the first row whose value changed in that cut
     * @param fullValue    the row's value computed on all the data
     * @param cutValue     the row's value computed on the cut data
     */
    public record Leak(String column, int cutsChanged, int cutRows, long lastKept, long row, double fullValue,
                       double cutValue) {
        public Leak {
            Objects.requireNonNull(column, "column");
        }

        /** One line: the column, the first changed row and both values. */
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: row %s is %s on all the data but %s with the data cut after %s"
                            + " (changed in %d cut%s)", column, Instant.ofEpochMilli(row), text(fullValue),
                    text(cutValue), Instant.ofEpochMilli(lastKept), cutsChanged, cutsChanged == 1 ? "" : "s");
        }

        private static String text(double value) {
            return Double.isNaN(value) ? "missing" : Double.toString(value);
        }
    }

    public LookaheadReport {
        Objects.requireNonNull(symbol, "symbol");
        columns = List.copyOf(columns);
        cuts = List.copyOf(cuts);
        leaks = List.copyOf(leaks);
    }

    /** Whether no column looked ahead. */
    public boolean passed() {
        return leaks.isEmpty();
    }

    /** The names of the leaking columns. */
    public List<String> leakingColumns() {
        return leaks.stream().map(Leak::column).toList();
    }

    /** One line: the verdict and what was checked. */
    public String summary() {
        if (passed()) {
            return String.format(Locale.ROOT, "PASS: none of %d feature columns of %s changed an earlier value over"
                    + " %d cuts of %d rows", columns.size(), symbol, cuts.size(), rows);
        }
        return String.format(Locale.ROOT, "FAIL: %d of %d feature columns of %s look ahead: %s", leaks.size(),
                columns.size(), symbol, String.join(", ", leakingColumns()));
    }

    @Override
    public String toString() {
        return summary();
    }
}
