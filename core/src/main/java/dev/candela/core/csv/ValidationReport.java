package dev.candela.core.csv;

import dev.candela.core.data.Gap;
import dev.candela.core.data.GapReport;

import java.util.List;
import java.util.Objects;

/**
 * What reading a candle file found: how many data rows it had, which were rejected and why, and which
 * candles are missing.
 *
 * <p>Under {@link InvalidRowPolicy#SKIP} every rejected row is counted in {@link #skippedRows()}; the
 * first ones (a thousand by default) are kept with their reasons in {@link #errors()}, so that a file that
 * is wrong throughout cannot exhaust memory with its own error list.
 */
public final class ValidationReport {
    private static final int SUMMARY_LINES = 20;

    private final String file;
    private final CsvFormat format;
    private final long rows;
    private final long skippedRows;
    private final List<RowError> errors;
    private final GapReport gaps;

    ValidationReport(String file, CsvFormat format, long rows, long skippedRows, List<RowError> errors,
                     GapReport gaps) {
        this.file = Objects.requireNonNull(file, "file");
        this.format = Objects.requireNonNull(format, "format");
        this.rows = rows;
        this.skippedRows = skippedRows;
        this.errors = List.copyOf(errors);
        this.gaps = Objects.requireNonNull(gaps, "gaps");
    }

    /** The file's name, or the name a stream was read under. */
    public String file() {
        return file;
    }

    /** The layout the file was read as (never {@link CsvFormat#AUTO}). */
    public CsvFormat format() {
        return format;
    }

    /** Data rows in the file, header and blank lines not counted, rejected rows included. */
    public long rows() {
        return rows;
    }

    /** Rows left out under {@link InvalidRowPolicy#SKIP}. */
    public long skippedRows() {
        return skippedRows;
    }

    /** The recorded reasons for rejected rows, in file order. */
    public List<RowError> errors() {
        return errors;
    }

    /** The missing candles of the series that was read. */
    public GapReport gaps() {
        return gaps;
    }

    /** Whether every row was accepted. */
    public boolean allRowsValid() {
        return skippedRows == 0;
    }

    /** A few lines for people: counts, the first rejected rows and the first gaps. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append(file).append(": ").append(rows).append(" rows read as ").append(format)
                .append(", ").append(skippedRows).append(" skipped, ").append(gaps.count()).append(" gaps with ")
                .append(gaps.missingBars()).append(" missing candles");
        gaps.timeframe().ifPresent(timeframe -> text.append(" of ").append(timeframe));
        int shownErrors = Math.min(SUMMARY_LINES, errors.size());
        for (int i = 0; i < shownErrors; i++) {
            text.append(System.lineSeparator()).append("  skipped ").append(errors.get(i));
        }
        if (skippedRows > shownErrors) {
            text.append(System.lineSeparator()).append("  ... and ").append(skippedRows - shownErrors)
                    .append(" more skipped rows");
        }
        List<Gap> gapList = gaps.gaps();
        for (int i = 0; i < Math.min(SUMMARY_LINES, gapList.size()); i++) {
            text.append(System.lineSeparator()).append("  gap ").append(gapList.get(i));
        }
        if (gapList.size() > SUMMARY_LINES) {
            text.append(System.lineSeparator()).append("  ... and ").append(gapList.size() - SUMMARY_LINES)
                    .append(" more gaps");
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return "ValidationReport[" + file + ", " + rows + " rows, " + skippedRows + " skipped, " + gaps + "]";
    }
}
