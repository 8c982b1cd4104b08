package dev.candela.core.registry;

import java.util.List;

/** An id that no plugin provides; the message lists the closest known ids. */
public final class UnknownIdException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String id;
    private final List<String> suggestions;

    UnknownIdException(String kind, String id, List<String> suggestions) {
        super("unknown " + kind + " '" + id + "'"
                + (suggestions.isEmpty() ? "" : "; did you mean " + String.join(", ", suggestions) + "?"));
        this.id = id;
        this.suggestions = List.copyOf(suggestions);
    }

    public String id() {
        return id;
    }

    /** Known ids closest to the unknown one, best first. */
    public List<String> suggestions() {
        return suggestions;
    }
}
