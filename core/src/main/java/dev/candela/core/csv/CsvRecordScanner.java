package dev.candela.core.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Splits CSV text into records and fields without allocating per record: fields are reported as
 * {@code [start, end)} ranges of a reusable character buffer, valid until the next call to {@link #next()}.
 *
 * <p>Follows RFC 4180: fields may be quoted, quotes inside are doubled, and a quoted field may hold
 * commas and line breaks. Lines may end in LF, CRLF or CR. Blank lines are skipped, and a UTF-8 byte
 * order mark at the start is ignored. Line numbers are physical lines, counted from 1, of where a
 * record starts.
 */
final class CsvRecordScanner {
    static final int DEFAULT_BUFFER_SIZE = 1 << 16;
    /** A record longer than this is no candle data; refusing it bounds the buffer. */
    static final int MAX_RECORD_LENGTH = 1 << 24;

    private final Reader in;
    private final String source;
    private char[] buffer;
    private int position;
    private int limit;
    private boolean endOfInput;
    private boolean started;
    private long line = 1;

    private long recordLine;
    private int recordLength;
    private int fieldCount;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private boolean[] escaped = new boolean[16];
    private int malformedField;

    CsvRecordScanner(Reader in, String source) {
        this(in, source, DEFAULT_BUFFER_SIZE);
    }

    CsvRecordScanner(Reader in, String source, int bufferSize) {
        this.in = in;
        this.source = source;
        this.buffer = new char[Math.max(2, bufferSize)];
    }

    /**
     * Moves to the next record that is not blank.
     *
     * @return false at the end of the input
     * @throws CsvDataException if a record is longer than {@link #MAX_RECORD_LENGTH}
     */
    boolean next() throws IOException {
        while (true) {
            if (position == limit && endOfInput) {
                return false;
            }
            if (position == limit || !scanRecord()) {
                fill();
                continue;
            }
            if (!isBlankRecord()) {
                return true;
            }
        }
    }

    /** Physical line, from 1, on which the current record starts. */
    long line() {
        return recordLine;
    }

    /** Characters of the current record including its line break. */
    int recordLength() {
        return recordLength;
    }

    int fieldCount() {
        return fieldCount;
    }

    char[] buffer() {
        return buffer;
    }

    /** Start of field {@code field}'s content in {@link #buffer()}, quotes excluded. */
    int start(int field) {
        return starts[field];
    }

    /** End (exclusive) of field {@code field}'s content in {@link #buffer()}, quotes excluded. */
    int end(int field) {
        return ends[field];
    }

    /** Index of the first field with text after its closing quote or without one, or -1. */
    int malformedField() {
        return malformedField;
    }

    /** Field {@code field} as a string with doubled quotes undone; allocates, so meant for headers and errors. */
    String text(int field) {
        String raw = new String(buffer, starts[field], ends[field] - starts[field]);
        return escaped[field] ? raw.replace("\"\"", "\"") : raw;
    }

    private boolean isBlankRecord() {
        if (fieldCount != 1 || escaped[0] || (starts[0] > 0 && buffer[starts[0] - 1] == '"')) {
            return false;
        }
        for (int i = starts[0]; i < ends[0]; i++) {
            if (buffer[i] != ' ' && buffer[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    /**
     * Scans the record at {@link #position}; returns false, changing nothing, when the buffer ends before
     * the record does and more input may follow.
     */
    private boolean scanRecord() {
        int i = position;
        int field = 0;
        int breaks = 0;
        int malformed = -1;
        while (true) {
            if (field == starts.length) {
                growFieldArrays();
            }
            if (i < limit && buffer[i] == '"') {
                int contentStart = i + 1;
                int j = contentStart;
                boolean doubled = false;
                while (true) {
                    if (j >= limit) {
                        if (!endOfInput) {
                            return false;
                        }
                        malformed = malformed < 0 ? field : malformed; // no closing quote
                        break;
                    }
                    char c = buffer[j];
                    if (c == '"') {
                        if (j + 1 >= limit && !endOfInput) {
                            return false; // cannot tell a closing quote from a doubled one yet
                        }
                        if (j + 1 < limit && buffer[j + 1] == '"') {
                            doubled = true;
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    if (c == '\n' || (c == '\r' && (j + 1 >= limit || buffer[j + 1] != '\n'))) {
                        breaks++;
                    }
                    j++;
                }
                starts[field] = contentStart;
                ends[field] = Math.min(j, limit);
                escaped[field] = doubled;
                i = Math.min(j + 1, limit);
                while (i < limit && buffer[i] != ',' && buffer[i] != '\n' && buffer[i] != '\r') {
                    malformed = malformed < 0 ? field : malformed; // text after the closing quote
                    i++;
                }
            } else {
                int j = i;
                while (j < limit && buffer[j] != ',' && buffer[j] != '\n' && buffer[j] != '\r') {
                    j++;
                }
                starts[field] = i;
                ends[field] = j;
                escaped[field] = false;
                i = j;
            }
            if (i >= limit && !endOfInput) {
                return false;
            }
            field++;
            if (i < limit && buffer[i] == ',') {
                i++;
                continue;
            }
            if (i < limit) {
                if (buffer[i] == '\r') {
                    if (i + 1 >= limit && !endOfInput) {
                        return false; // a CR at the buffer's end may be the first half of CRLF
                    }
                    i++;
                    if (i < limit && buffer[i] == '\n') {
                        i++;
                    }
                } else {
                    i++;
                }
                breaks++;
            }
            break;
        }
        fieldCount = field;
        malformedField = malformed;
        recordLine = line;
        recordLength = i - position;
        line += breaks;
        position = i;
        return true;
    }

    private void fill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            if (buffer.length >= MAX_RECORD_LENGTH) {
                throw new CsvDataException(source, line, null,
                        "record is longer than " + MAX_RECORD_LENGTH + " characters; this is no candle data");
            }
            buffer = Arrays.copyOf(buffer, Math.min(MAX_RECORD_LENGTH, buffer.length * 2));
        }
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            endOfInput = true;
            return;
        }
        if (!started && read > 0) {
            started = true;
            if (buffer[0] == '\uFEFF') {
                position = 1;
            }
        }
        limit += read;
    }

    private void growFieldArrays() {
        int size = starts.length * 2;
        starts = Arrays.copyOf(starts, size);
        ends = Arrays.copyOf(ends, size);
        escaped = Arrays.copyOf(escaped, size);
    }
}
