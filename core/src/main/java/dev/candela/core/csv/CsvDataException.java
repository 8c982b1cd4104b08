package dev.candela.core.csv;

import java.io.IOException;

/**
 * A CSV file holds data that cannot be read as candles. The message is one line naming the file, the
 * line and the column, e.g. {@code data.csv:17: column 'high': 101.5 is below low 102.0}.
 *
 * <p>It is an {@link IOException} because, to a caller, a file with bad content has failed to read like
 * any other unreadable file; callers that want to tell it apart catch it first.
 */
public class CsvDataException extends IOException {
    private final String file;
    private final long line;
    private final String column;
    private final String detail;

    public CsvDataException(String file, long line, String column, String message) {
        this(new RowError(file, line, column, message));
    }

    public CsvDataException(RowError error) {
        super(error.toString());
        this.file = error.file();
        this.line = error.line();
        this.column = error.column();
        this.detail = error.message();
    }

    /** The file's name, or the name a stream was read under. */
    public String file() {
        return file;
    }

    /** 1-based line of the bad row. */
    public long line() {
        return line;
    }

    /** The offending column as the file names it, or {@code null} when the row as a whole is wrong. */
    public String column() {
        return column;
    }

    /** What is wrong, without the location. */
    public String detail() {
        return detail;
    }

    /** The same facts as a {@link RowError}. */
    public RowError error() {
        return new RowError(file, line, column, detail);
    }
}
