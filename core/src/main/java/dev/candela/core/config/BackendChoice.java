package dev.candela.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Which compute backend a user asks for. {@link #AUTO} takes the GPU when CUDA is usable, else the CPU. */
public enum BackendChoice {
    AUTO,
    CPU,
    GPU;

    /** The name as written in configuration, flags and environment variables: {@code auto}, {@code cpu}, {@code gpu}. */
    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code auto}, {@code cpu} or {@code gpu}, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException naming the rejected text and the accepted ones
     */
    @JsonCreator
    public static BackendChoice parse(String text) {
        if (text != null) {
            String wanted = text.strip();
            for (BackendChoice choice : values()) {
                if (choice.name().equalsIgnoreCase(wanted)) {
                    return choice;
                }
            }
        }
        throw new IllegalArgumentException("unknown backend '" + text + "'; expected auto, cpu or gpu");
    }
}
