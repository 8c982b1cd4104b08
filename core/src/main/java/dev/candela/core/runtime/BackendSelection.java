package dev.candela.core.runtime;

import dev.candela.core.config.BackendChoice;
import java.util.Objects;

/**
 * The outcome of {@link BackendSelector}: what was asked, by whom, what runs, and why.
 *
 * @param requested the requested choice
 * @param source    where the request came from
 * @param effective the backend that runs
 * @param reason    one line for the start-up log, e.g. {@code "auto: CUDA not usable (no NVIDIA driver
 *                  (libcuda.so.1 not found)); using the CPU backend"}
 * @param emulated  true when the GPU backend runs without a usable GPU (ND4J on nd4j-native), as
 *                  allowed by {@value BackendSelector#EMULATE_ENVIRONMENT_VARIABLE}
 */
public record BackendSelection(
        BackendChoice requested, Source source, Backend effective, String reason, boolean emulated) {

    public BackendSelection {
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(effective, "effective");
        Objects.requireNonNull(reason, "reason");
        if (emulated && effective != Backend.GPU) {
            throw new IllegalArgumentException("only the GPU backend can be emulated");
        }
    }

    /** Where a backend request came from, highest precedence first. */
    public enum Source {
        /** Passed in by the caller: an API argument or a command-line flag. */
        EXPLICIT("explicit request"),
        /** System property {@value BackendSelector#BACKEND_PROPERTY}. */
        SYSTEM_PROPERTY("system property " + BackendSelector.BACKEND_PROPERTY),
        /** Environment variable {@value BackendSelector#BACKEND_ENVIRONMENT_VARIABLE}. */
        ENVIRONMENT("environment variable " + BackendSelector.BACKEND_ENVIRONMENT_VARIABLE),
        /** The configuration's {@code backend} key. */
        CONFIG("configuration key 'backend'"),
        /** Nothing asked; {@code auto} applies. */
        DEFAULT("default");

        private final String description;

        Source(String description) {
            this.description = description;
        }

        /** How the source reads in a sentence, e.g. {@code "environment variable CANDELA_BACKEND"}. */
        public String description() {
            return description;
        }
    }
}
