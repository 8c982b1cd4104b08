package dev.candela.core.config;

import java.util.Collection;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A configuration that cannot be used: unreadable or malformed file, unknown key, or invalid value.
 *
 * <p>The message names the key by its full dotted path and, when the value came from a file, the file
 * and line, e.g. {@code unknown key 'gpu.memoryHeadrom' in candela.json (line 3); known keys here:
 * float32, memoryHeadroomFraction}.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final String problem;
    private final String source;
    private final int line;

    private ConfigException(String message, String key, String problem, String source, int line,
            Throwable cause) {
        super(message, cause);
        this.key = key;
        this.problem = problem;
        this.source = source;
        this.line = line;
    }

    /**
     * A value that breaks a rule, found outside any file (a builder, a flag, an environment variable).
     *
     * @param key     the full dotted key or the variable's name, e.g. {@code gpu.memoryHeadroomFraction}
     * @param problem what is wrong, e.g. {@code "must be a fraction in (0, 1], was 1.5"}
     */
    public static ConfigException invalidValue(String key, String problem) {
        return new ConfigException("invalid value for '" + key + "': " + problem, key, problem, null, 0, null);
    }

    static ConfigException invalidValue(String key, String problem, String source, int line, Throwable cause) {
        return new ConfigException("invalid value for '" + key + "'" + where(source, line) + ": " + problem,
                key, problem, source, line, cause);
    }

    static ConfigException unknownKey(String key, String source, int line, Collection<?> knownKeys,
            Throwable cause) {
        String known = knownKeys == null || knownKeys.isEmpty() ? ""
                : "; known keys here: " + String.join(", ", new TreeSet<>(knownKeys.stream().map(String::valueOf).toList()));
        String problem = "unknown key";
        return new ConfigException("unknown key '" + key + "'" + where(source, line) + known, key, problem, source,
                line, cause);
    }

    static ConfigException unusable(String problem, String source, int line, Throwable cause) {
        return new ConfigException((source == null ? "" : source) + (line > 0 ? " (line " + line + ")" : "")
                + (source == null && line <= 0 ? "" : ": ") + problem, null, problem, source, line, cause);
    }

    /** The full dotted key at fault, when one is. */
    public Optional<String> key() {
        return Optional.ofNullable(key);
    }

    /** What is wrong, without the location. */
    public String problem() {
        return problem;
    }

    /** The file (or other source) the value came from, when known. */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    /** The 1-based line in {@link #source()}, or 0 when unknown. */
    public int line() {
        return line;
    }

    private static String where(String source, int line) {
        if (source == null) {
            return line > 0 ? " (line " + line + ")" : "";
        }
        return " in " + source + (line > 0 ? " (line " + line + ")" : "");
    }
}
