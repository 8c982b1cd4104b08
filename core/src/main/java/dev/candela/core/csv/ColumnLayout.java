package dev.candela.core.csv;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where in a file's rows the six candle columns are, and what the file calls them; resolved once from
 * the first record.
 */
final class ColumnLayout {
    static final int TIMESTAMP = 0;
    static final int OPEN = 1;
    static final int HIGH = 2;
    static final int LOW = 3;
    static final int CLOSE = 4;
    static final int VOLUME = 5;
    static final int COLUMNS = 6;

    private static final String[] CANONICAL = {"timestamp", "open", "high", "low", "close", "volume"};
    private static final List<String> TIME_ALIASES = List.of("timestamp", "time", "date", "datetime", "date_time",
            "open_time", "open time", "opentime");
    private static final int BINANCE_COLUMNS = 12;
    private static final int[] FIRST_SIX = {0, 1, 2, 3, 4, 5};
    private static final int[] YAHOO_POSITIONS = {0, 1, 2, 3, 4, 6};

    final CsvFormat format;
    /** Whether the first record is a header rather than data. */
    final boolean hasHeader;
    /** Fields a data row needs: one more than the largest column index used. */
    final int requiredFields;
    private final int[] index;
    private final String[] names;

    private ColumnLayout(CsvFormat format, boolean hasHeader, int[] index, String[] names) {
        this.format = format;
        this.hasHeader = hasHeader;
        this.index = index;
        this.names = names;
        this.requiredFields = Arrays.stream(index).max().orElse(0) + 1;
    }

    /** The layout of a file whose first non-blank record {@code first} is positioned on. */
    static ColumnLayout resolve(CsvFormat requested, CsvRecordScanner first, String file) throws CsvDataException {
        int fields = first.fieldCount();
        boolean header = TimestampText.parse(first.buffer(), first.start(0), first.end(0)) == TimestampText.INVALID;
        String[] headerNames = null;
        if (header) {
            headerNames = new String[fields];
            for (int f = 0; f < fields; f++) {
                headerNames[f] = first.text(f).trim();
            }
        }
        CsvFormat format = requested == CsvFormat.AUTO ? detect(header, headerNames, fields, first.line(), file)
                : requested;
        switch (format) {
            case CANDELA:
                return header ? byName(format, headerNames, first.line(), file) : positional(format, FIRST_SIX, null);
            case BINANCE:
                return positional(format, FIRST_SIX, headerNames);
            case YAHOO:
                return header ? byName(format, headerNames, first.line(), file)
                        : positional(format, YAHOO_POSITIONS, null);
            default:
                throw new AssertionError(format);
        }
    }

    private static CsvFormat detect(boolean header, String[] headerNames, int fields, long line, String file)
            throws CsvDataException {
        if (header) {
            List<String> lower = Arrays.stream(headerNames).map(n -> n.toLowerCase(Locale.ROOT)).toList();
            if (lower.contains("adj close")) {
                return CsvFormat.YAHOO;
            }
            if (lower.contains("open_time") || lower.contains("open time")) {
                return CsvFormat.BINANCE;
            }
            return CsvFormat.CANDELA;
        }
        if (fields >= BINANCE_COLUMNS) {
            return CsvFormat.BINANCE;
        }
        if (fields >= COLUMNS) {
            return CsvFormat.CANDELA;
        }
        throw new CsvDataException(file, line, null, "cannot tell the CSV format: the first line has no header and "
                + fields + " columns, but candle data needs at least 6 (timestamp,open,high,low,close,volume)");
    }

    private static ColumnLayout positional(CsvFormat format, int[] positions, String[] headerNames) {
        String[] names = new String[COLUMNS];
        for (int c = 0; c < COLUMNS; c++) {
            names[c] = headerNames != null && positions[c] < headerNames.length && !headerNames[positions[c]].isEmpty()
                    ? headerNames[positions[c]] : CANONICAL[c];
        }
        return new ColumnLayout(format, headerNames != null, positions.clone(), names);
    }

    private static ColumnLayout byName(CsvFormat format, String[] headerNames, long line, String file)
            throws CsvDataException {
        int[] index = new int[COLUMNS];
        String[] names = new String[COLUMNS];
        for (int c = 0; c < COLUMNS; c++) {
            index[c] = -1;
            for (int f = 0; f < headerNames.length && index[c] < 0; f++) {
                String name = headerNames[f].toLowerCase(Locale.ROOT);
                if (c == TIMESTAMP ? TIME_ALIASES.contains(name) : CANONICAL[c].equals(name)) {
                    index[c] = f;
                    names[c] = headerNames[f];
                }
            }
            if (index[c] < 0) {
                throw new CsvDataException(file, line, CANONICAL[c], "not found in the header "
                        + String.join(",", headerNames) + (c == TIMESTAMP ? " (accepted names: "
                        + String.join(", ", TIME_ALIASES) + ")" : ""));
            }
        }
        return new ColumnLayout(format, true, index, names);
    }

    /** File column of candle column {@code column} ({@link #TIMESTAMP} .. {@link #VOLUME}). */
    int index(int column) {
        return index[column];
    }

    /** What the file calls candle column {@code column}. */
    String name(int column) {
        return names[column];
    }

    /** What the file calls the column a {@link dev.candela.core.data.BarViolation} names by its canonical key. */
    String nameOf(String canonicalKey) {
        for (int c = 0; c < COLUMNS; c++) {
            if (CANONICAL[c].equals(canonicalKey)) {
                return names[c];
            }
        }
        return canonicalKey;
    }

    /** What the file calls field {@code field} of a row: a candle column's name, or its 1-based position. */
    String nameOfField(int field) {
        for (int c = 0; c < COLUMNS; c++) {
            if (index[c] == field) {
                return names[c];
            }
        }
        return "#" + (field + 1);
    }

    /** The candle column a row of {@code fields} fields lacks first (in file order); -1 if none. */
    int firstMissing(int fields) {
        int missing = -1;
        for (int c = 0; c < COLUMNS; c++) {
            if (index[c] >= fields && (missing < 0 || index[c] < index[missing])) {
                missing = c;
            }
        }
        return missing;
    }
}
