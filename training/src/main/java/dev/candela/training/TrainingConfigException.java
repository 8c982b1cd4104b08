package dev.candela.training;

import java.util.Optional;

/**
 * A training configuration that cannot be used. The message names the key by its full path
 * ({@code model.layers[1].size}) and, when the configuration came from a file, the file and line, e.g.
 * {@code invalid value for 'model.layers[1].size' in train.json (line 7): must be at least 1, was 0}.
 */
public final class TrainingConfigException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final int line;

    TrainingConfigException(String message, String key, int line, Throwable cause) {
        super(message, cause);
        this.key = key;
        this.line = line;
    }

    /** The full path of the offending key; empty when the document as a whole is unusable. */
    public Optional<String> key() {
        return Optional.ofNullable(key);
    }

    /** The 1-based line in the file, or 0 when unknown or not read from a file. */
    public int line() {
        return line;
    }
}
