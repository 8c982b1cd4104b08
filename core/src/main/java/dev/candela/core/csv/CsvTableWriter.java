package dev.candela.core.csv;

import dev.candela.core.data.LongColumn;
import dev.candela.core.io.AtomicFiles;
import dev.candela.spi.Column;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Writes a table of rows, each an open time and a fixed number of doubles, as CSV: indicator outputs,
 * features, equity curves.
 *
 * <p>Output follows RFC 4180: a header row first, and a field holding a comma, a quote, CR or LF is
 * quoted with its quotes doubled (a column named {@code macd(12,26,9).signal} is written
 * {@code "macd(12,26,9).signal"}). Lines end in LF. Times are ISO-8601 UTC
 * ({@code 2021-03-01T00:00:00Z}); doubles carry the digits {@link Double#toString(double)} chooses, which
 * read back to the same double, written without exponent ({@code 8312.0}, {@code 0.0001},
 * {@code 23097485495.0}); {@code NaN} is an empty field.
 *
 * <p>Writing a row allocates nothing. Not thread-safe; {@link #close()} closes the underlying writer.
 */
public final class CsvTableWriter implements Closeable, Flushable {
    /** The default name of the first column. */
    public static final String TIMESTAMP_COLUMN = "timestamp";

    private final Writer out;
    private final int columnCount;
    private final StringBuilder line = new StringBuilder(256);
    private char[] chars = new char[256];

    private CsvTableWriter(Writer out, int columnCount) {
        this.out = out;
        this.columnCount = columnCount;
    }

    /** A writer whose header is {@code timestamp} followed by {@code columnNames}; the header is written now. */
    public static CsvTableWriter open(Writer out, List<String> columnNames) throws IOException {
        return open(out, TIMESTAMP_COLUMN, columnNames);
    }

    /** A writer whose header is {@code timestampColumn} followed by {@code columnNames}; the header is written now. */
    public static CsvTableWriter open(Writer out, String timestampColumn, List<String> columnNames)
            throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(timestampColumn, "timestampColumn");
        CsvTableWriter writer = new CsvTableWriter(out, columnNames.size());
        StringBuilder header = new StringBuilder();
        appendField(header, timestampColumn);
        for (String name : columnNames) {
            header.append(',');
            appendField(header, Objects.requireNonNull(name, "column name"));
        }
        out.write(header.append('\n').toString());
        return writer;
    }

    /**
     * Writes {@code timestamps} and equally long {@code columns} under {@code columnNames} to {@code target},
     * atomically: the target is replaced only once the whole table is written.
     */
    public static void write(Path target, LongColumn timestamps, List<String> columnNames, List<Column> columns)
            throws IOException {
        if (columnNames.size() != columns.size()) {
            throw new IllegalArgumentException(columnNames.size() + " column names for " + columns.size() + " columns");
        }
        int rows = timestamps.length();
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).length() != rows) {
                throw new IllegalArgumentException("Column " + columnNames.get(c) + " has " + columns.get(c).length()
                        + " values for " + rows + " timestamps");
            }
        }
        int width = columns.size();
        double[][] arrays = new double[width][];
        int[] offsets = new int[width];
        for (int c = 0; c < width; c++) {
            arrays[c] = columns.get(c).array();
            offsets[c] = columns.get(c).offset();
        }
        long[] times = timestamps.array();
        int timeOffset = timestamps.offset();
        AtomicFiles.writeText(target, out -> {
            CsvTableWriter writer = open(out, columnNames);
            double[] row = new double[width];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < width; c++) {
                    row[c] = arrays[c][offsets[c] + r];
                }
                writer.writeRow(times[timeOffset + r], row, 0);
            }
            writer.flush();
        });
    }

    /** Number of value columns after the time. */
    public int columnCount() {
        return columnCount;
    }

    /**
     * Writes one row.
     *
     * @throws IllegalArgumentException if {@code values} does not hold exactly {@link #columnCount()} values
     */
    public void writeRow(long timestamp, double... values) throws IOException {
        if (values.length != columnCount) {
            throw new IllegalArgumentException("Row has " + values.length + " values, the table " + columnCount);
        }
        writeRow(timestamp, values, 0);
    }

    /** Writes one row whose values are {@code values[offset, offset + columnCount())}. */
    public void writeRow(long timestamp, double[] values, int offset) throws IOException {
        Objects.checkFromIndexSize(offset, columnCount, values.length);
        line.setLength(0);
        ensureChars(TimestampText.MAX_LENGTH);
        int length = TimestampText.format(timestamp, chars, 0);
        line.append(chars, 0, length);
        for (int c = 0; c < columnCount; c++) {
            line.append(',');
            DecimalText.appendPlain(line, values[offset + c]);
        }
        line.append('\n');
        int total = line.length();
        ensureChars(total);
        line.getChars(0, total, chars, 0);
        out.write(chars, 0, total);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Flushes and closes the underlying writer. */
    @Override
    public void close() throws IOException {
        out.close();
    }

    /** Appends {@code field}, quoted as RFC 4180 requires when it holds a comma, quote, CR or LF. */
    static void appendField(StringBuilder out, String field) {
        boolean quote = false;
        for (int i = 0; i < field.length() && !quote; i++) {
            char c = field.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        if (!quote) {
            out.append(field);
            return;
        }
        out.append('"');
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
    }

    private void ensureChars(int length) {
        if (chars.length < length) {
            chars = new char[Math.max(length, chars.length * 2)];
        }
    }
}
