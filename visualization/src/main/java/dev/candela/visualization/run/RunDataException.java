package dev.candela.visualization.run;

import java.io.IOException;

/**
 * A run's file ({@code events.jsonl}, {@code config.json}, an optimizer report) holds content that
 * cannot be read. The message is one line naming the file, the line and the key, e.g.
 * {@code runs/a/events.jsonl:12: key 'event.bucket': expected an integer, got "x"}.
 */
public class RunDataException extends IOException {
    private final String file;
    private final long line;
    private final String key;

    /**
     * @param file   the file as the user named it
     * @param line   1-based line, or 0 when unknown
     * @param key    dotted path of the offending key, or {@code null} for the line as a whole
     * @param detail what is wrong
     */
    public RunDataException(String file, long line, String key, String detail) {
        super(file + (line > 0 ? ":" + line : "") + ": " + (key != null ? "key '" + key + "': " : "") + detail);
        this.file = file;
        this.line = line;
        this.key = key;
    }

    /** The file as the user named it. */
    public String file() {
        return file;
    }

    /** 1-based line, or 0 when unknown. */
    public long line() {
        return line;
    }

    /** Dotted path of the offending key, or {@code null} when the line as a whole is wrong. */
    public String key() {
        return key;
    }
}
