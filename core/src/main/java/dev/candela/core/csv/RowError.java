package dev.candela.core.csv;

/**
 * One rejected row: where it is and what is wrong with it.
 *
 * @param file    the file's name (or the name a stream was read under)
 * @param line    1-based physical line on which the row starts
 * @param column  the offending column as the file names it, or {@code null} when the row as a whole is wrong
 * @param message what is wrong, e.g. {@code 101.5 is below low 102.0}
 */
public record RowError(String file, long line, String column, String message) {

    /** One line such as {@code data.csv:17: column 'high': 101.5 is below low 102.0}. */
    @Override
    public String toString() {
        return column == null
                ? file + ":" + line + ": " + message
                : file + ":" + line + ": column '" + column + "': " + message;
    }
}
