package dev.candela.core.csv;

import dev.candela.core.data.BarValidator;
import dev.candela.core.data.BarViolation;
import dev.candela.core.data.GapReport;
import dev.candela.core.data.OhlcvSeries;
import dev.candela.core.data.Timeframe;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads a candle CSV file into an {@link OhlcvSeries}, checking every row.
 *
 * <p>The file is streamed once: a hand-written scanner splits each line in a reusable buffer and parses
 * numbers and times straight from it into the series' growing primitive arrays, so no object per row is
 * kept and a file of ten million rows needs little more heap than its six columns. The layout
 * ({@link CsvFormat}) is detected from the first line unless set.
 *
 * <p>A row is rejected when a field is missing, empty or not a number, a value is NaN or infinite, its time
 * is unreadable, repeats or goes back, a price or the volume is negative, or its high and low do not
 * contain its open and close (see {@link BarValidator}). Under {@link InvalidRowPolicy#FAIL} (the default)
 * the first rejected row ends reading with a {@link CsvDataException} such as
 * {@code data.csv:17: column 'high': 101.5 is below low 102.0}; under {@link InvalidRowPolicy#SKIP} it is
 * left out and reported. Either way the {@link ValidationReport} lists the missing candles.
 *
 * <pre>{@code
 * CsvReadResult result = OhlcvCsvReader.builder().policy(InvalidRowPolicy.SKIP).build().read(path);
 * OhlcvSeries candles = result.series();
 * }</pre>
 *
 * <p>A reader is immutable and may read many files at once from different threads.
 */
public final class OhlcvCsvReader {
    private static final int DEFAULT_MAX_RECORDED_ERRORS = 1000;
    private static final OhlcvCsvReader DEFAULTS = builder().build();

    private final CsvFormat format;
    private final InvalidRowPolicy policy;
    private final String symbol;
    private final Timeframe timeframe;
    private final boolean lastIncomplete;
    private final int maxRecordedErrors;

    private OhlcvCsvReader(Builder builder) {
        this.format = builder.format;
        this.policy = builder.policy;
        this.symbol = builder.symbol;
        this.timeframe = builder.timeframe;
        this.lastIncomplete = builder.lastIncomplete;
        this.maxRecordedErrors = builder.maxRecordedErrors;
    }

    /** A reader that detects the format, fails on the first bad row and names the symbol after the file. */
    public static OhlcvCsvReader withDefaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a UTF-8 file. The symbol, unless set, is the file's name without its extension.
     *
     * @throws CsvDataException under {@link InvalidRowPolicy#FAIL} for the first bad row, and under any
     *                          policy when the header or layout cannot be understood
     * @throws IOException      when the file cannot be read
     */
    public CsvReadResult read(Path file) throws IOException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        long bytes = Files.size(file);
        try (Reader in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            return read(in, name, bytes);
        }
    }

    /**
     * Reads CSV text from {@code in}, which is not closed. {@code sourceName} stands for the file in
     * messages and, without its extension, is the default symbol.
     */
    public CsvReadResult read(Reader in, String sourceName) throws IOException {
        return read(in, sourceName, -1);
    }

    /** {@link #read(Path)} for callers that only want the candles. */
    public OhlcvSeries readSeries(Path file) throws IOException {
        return read(file).series();
    }

    private CsvReadResult read(Reader in, String sourceName, long sizeHint) throws IOException {
        Objects.requireNonNull(sourceName, "sourceName");
        CsvRecordScanner scanner = new CsvRecordScanner(in, sourceName);
        RowReader rows = new RowReader(sourceName);
        OhlcvSeries.Builder builder = OhlcvSeries.builder(symbol != null ? symbol : stem(sourceName))
                .timeframe(timeframe);
        CsvFormat resolved = format == CsvFormat.AUTO ? CsvFormat.CANDELA : format;
        if (scanner.next()) {
            ColumnLayout layout = ColumnLayout.resolve(format, scanner, sourceName);
            resolved = layout.format;
            boolean more = !layout.hasHeader || scanner.next();
            if (more && sizeHint > 0) {
                builder.expectedSize(estimateRows(sizeHint, scanner.recordLength()));
            }
            while (more) {
                rows.accept(scanner, layout, builder);
                more = scanner.next();
            }
        }
        OhlcvSeries series = builder.lastIncomplete(lastIncomplete).build();
        if (timeframe == null) {
            series = series.withTimeframe(Timeframe.detect(series.timestamps()).orElse(null));
        }
        ValidationReport report = new ValidationReport(sourceName, resolved, rows.rows, rows.skipped, rows.errors,
                GapReport.of(series));
        return new CsvReadResult(series, report);
    }

    private static int estimateRows(long bytes, int firstRowLength) {
        // Slightly over the estimate, so that the arrays are trimmed once rather than grown.
        long estimate = bytes / Math.max(8, firstRowLength) * 21 / 20 + 16;
        return (int) Math.min(estimate, Integer.MAX_VALUE - 16);
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** The per-read state: parsers, the previous accepted time and the rejected rows. */
    private final class RowReader {
        private final String file;
        private final DecimalText numbers = new DecimalText();
        private final List<RowError> errors = new ArrayList<>();
        private long rows;
        private long skipped;
        private boolean hasPrevious;
        private long previous;

        RowReader(String file) {
            this.file = file;
        }

        void accept(CsvRecordScanner scanner, ColumnLayout layout, OhlcvSeries.Builder builder)
                throws CsvDataException {
            rows++;
            if (scanner.malformedField() >= 0) {
                reject(scanner, layout.nameOfField(scanner.malformedField()),
                        "malformed quoted field: text after the closing quote, or no closing quote");
                return;
            }
            int fields = scanner.fieldCount();
            if (fields < layout.requiredFields) {
                reject(scanner, layout.name(layout.firstMissing(fields)), "missing field: the row has " + fields
                        + (fields == 1 ? " column" : " columns") + " but needs " + layout.requiredFields);
                return;
            }
            char[] text = scanner.buffer();
            int timeField = layout.index(ColumnLayout.TIMESTAMP);
            long time = TimestampText.parse(text, scanner.start(timeField), scanner.end(timeField));
            if (time == TimestampText.INVALID) {
                reject(scanner, layout.name(ColumnLayout.TIMESTAMP), "'" + scanner.text(timeField)
                        + "' is not a timestamp (expected ISO-8601 such as 2021-03-01T00:00:00Z, a date such as"
                        + " 2021-03-01, or epoch seconds, milliseconds or microseconds)");
                return;
            }
            double open = number(scanner, layout, ColumnLayout.OPEN);
            if (numbers.status() != DecimalText.OK) {
                return;
            }
            double high = number(scanner, layout, ColumnLayout.HIGH);
            if (numbers.status() != DecimalText.OK) {
                return;
            }
            double low = number(scanner, layout, ColumnLayout.LOW);
            if (numbers.status() != DecimalText.OK) {
                return;
            }
            double close = number(scanner, layout, ColumnLayout.CLOSE);
            if (numbers.status() != DecimalText.OK) {
                return;
            }
            double volume = number(scanner, layout, ColumnLayout.VOLUME);
            if (numbers.status() != DecimalText.OK) {
                return;
            }
            BarViolation violation = BarValidator.check(builder.size(), hasPrevious, previous, time,
                    open, high, low, close, volume);
            if (violation != null) {
                reject(scanner, layout.nameOf(violation.column()), violation.message());
                return;
            }
            builder.append(time, open, high, low, close, volume);
            hasPrevious = true;
            previous = time;
        }

        /** Parses one price or volume; on failure rejects the row, leaving a status other than OK. */
        private double number(CsvRecordScanner scanner, ColumnLayout layout, int column) throws CsvDataException {
            int field = layout.index(column);
            double value = numbers.parse(scanner.buffer(), scanner.start(field), scanner.end(field));
            switch (numbers.status()) {
                case DecimalText.OK:
                    return value;
                case DecimalText.EMPTY:
                    reject(scanner, layout.name(column), "empty value");
                    break;
                case DecimalText.NOT_FINITE:
                    reject(scanner, layout.name(column), "'" + scanner.text(field).trim() + "' is not a finite number");
                    break;
                default:
                    reject(scanner, layout.name(column), "'" + scanner.text(field) + "' is not a number");
                    break;
            }
            return Double.NaN;
        }

        private void reject(CsvRecordScanner scanner, String column, String message) throws CsvDataException {
            RowError error = new RowError(file, scanner.line(), column, message);
            if (policy == InvalidRowPolicy.FAIL) {
                throw new CsvDataException(error);
            }
            skipped++;
            if (errors.size() < maxRecordedErrors) {
                errors.add(error);
            }
        }
    }

    /** Options of a reader; the defaults detect everything and fail on the first bad row. */
    public static final class Builder {
        private CsvFormat format = CsvFormat.AUTO;
        private InvalidRowPolicy policy = InvalidRowPolicy.FAIL;
        private String symbol;
        private Timeframe timeframe;
        private boolean lastIncomplete;
        private int maxRecordedErrors = DEFAULT_MAX_RECORDED_ERRORS;

        private Builder() {
        }

        /** The layout; {@link CsvFormat#AUTO} (the default) detects it from the first line. */
        public Builder format(CsvFormat newFormat) {
            this.format = Objects.requireNonNull(newFormat, "format");
            return this;
        }

        /** What to do with bad rows; {@link InvalidRowPolicy#FAIL} by default. */
        public Builder policy(InvalidRowPolicy newPolicy) {
            this.policy = Objects.requireNonNull(newPolicy, "policy");
            return this;
        }

        /** The series' symbol; by default the file name without its extension. */
        public Builder symbol(String newSymbol) {
            this.symbol = newSymbol;
            return this;
        }

        /**
         * The bar size, used for the series and its gap report; by default detected from the most common
         * step between rows, and left unknown when that step is no {@link Timeframe}.
         */
        public Builder timeframe(Timeframe newTimeframe) {
            this.timeframe = newTimeframe;
            return this;
        }

        /**
         * Marks the last candle incomplete, e.g. for data fetched from an exchange while that candle was
         * still open. Off by default: files normally hold finished candles.
         */
        public Builder lastIncomplete(boolean incomplete) {
            this.lastIncomplete = incomplete;
            return this;
        }

        /** How many rejected rows the report keeps with their reasons (all are counted); 1000 by default. */
        public Builder maxRecordedErrors(int max) {
            if (max < 0) {
                throw new IllegalArgumentException("maxRecordedErrors must not be negative: " + max);
            }
            this.maxRecordedErrors = max;
            return this;
        }

        public OhlcvCsvReader build() {
            return new OhlcvCsvReader(this);
        }
    }
}
