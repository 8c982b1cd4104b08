package dev.candela.optimizer.report;

import java.util.Objects;

/**
 * A finding of one suggestion rule: what was seen, the numbers that show it, and what to do.
 *
 * @param rule     the rule's id, e.g. {@code hot-function}
 * @param severity {@code info} or {@code warning}
 * @param message  the finding in one sentence
 * @param evidence the measurements it rests on
 * @param action   a concrete change to make
 */
public record Suggestion(String rule, String severity, String message, String evidence, String action) {

    /** Severity of a finding worth a look. */
    public static final String INFO = "info";
    /** Severity of a finding that costs real time or risks failure. */
    public static final String WARNING = "warning";

    public Suggestion {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(action, "action");
    }
}
