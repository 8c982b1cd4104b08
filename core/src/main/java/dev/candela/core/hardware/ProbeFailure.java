package dev.candela.core.hardware;

import java.util.Objects;

/**
 * A part of the hardware probe that failed and was replaced by a fallback value.
 *
 * <p>The cause is kept as text rather than as a {@link Throwable} so that a report stays a plain,
 * serialisable value; the full stack trace goes to the log at the moment of failure.
 *
 * @param component what was being probed, e.g. {@code "cpu"}, {@code "memory"}, {@code "gpus"}
 * @param cause     the exception type and message chain, e.g.
 *                  {@code "java.lang.IllegalStateException: /proc not mounted"}
 */
public record ProbeFailure(String component, String cause) {

    public ProbeFailure {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(cause, "cause");
    }

    /** Describes {@code failure} and its causes, outermost first, separated by {@code " <- "}. */
    public static ProbeFailure of(String component, Throwable failure) {
        StringBuilder text = new StringBuilder();
        Throwable current = failure;
        // Bounded walk: a cause cycle must not hang the probe.
        for (int depth = 0; current != null && depth < 8; depth++) {
            if (depth > 0) {
                text.append(" <- ");
            }
            text.append(current.getClass().getName());
            if (current.getMessage() != null) {
                text.append(": ").append(current.getMessage());
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return new ProbeFailure(component, text.toString());
    }
}
