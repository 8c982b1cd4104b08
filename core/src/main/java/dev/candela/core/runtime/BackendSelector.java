package dev.candela.core.runtime;

import dev.candela.core.config.BackendChoice;
import dev.candela.core.config.CandelaConfig;
import dev.candela.core.config.ConfigException;
import dev.candela.core.hardware.CudaStatus;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Resolves which backend runs.
 *
 * <p>The request is taken from the first of: an explicit value (API argument or CLI flag), system
 * property {@value #BACKEND_PROPERTY}, environment variable {@value #BACKEND_ENVIRONMENT_VARIABLE}, the
 * configuration's {@code backend}, and finally {@code auto}. Then:
 * <ul>
 *   <li>{@code cpu} runs the CPU backend;</li>
 *   <li>{@code auto} runs the GPU backend when CUDA is usable and the CPU backend otherwise, saying why
 *       in {@link BackendSelection#reason()};</li>
 *   <li>{@code gpu} runs the GPU backend when CUDA is usable; otherwise it fails with
 *       {@link BackendUnavailableException}, unless GPU emulation is switched on
 *       ({@value #EMULATE_ENVIRONMENT_VARIABLE}{@code =1} or {@code -D}{@value #EMULATE_PROPERTY}{@code =true}),
 *       in which case the GPU backend's ND4J code runs on nd4j-native and the selection is marked
 *       {@link BackendSelection#emulated() emulated}.</li>
 * </ul>
 */
public final class BackendSelector {

    public static final String BACKEND_PROPERTY = "candela.backend";
    public static final String BACKEND_ENVIRONMENT_VARIABLE = "CANDELA_BACKEND";
    public static final String EMULATE_PROPERTY = "candela.gpu.emulate";
    public static final String EMULATE_ENVIRONMENT_VARIABLE = "CANDELA_GPU_EMULATE";

    private final Map<String, String> environment;
    private final Function<String, String> systemProperties;

    private BackendSelector(Map<String, String> environment, Function<String, String> systemProperties) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.systemProperties = Objects.requireNonNull(systemProperties, "systemProperties");
    }

    /** A selector reading this process's environment and (live) system properties. */
    public static BackendSelector fromSystem() {
        return new BackendSelector(System.getenv(), System::getProperty);
    }

    /** A selector reading the given environment variables and system properties instead of the process's. */
    public static BackendSelector of(Map<String, String> environment, Map<String, String> systemProperties) {
        Map<String, String> properties = Map.copyOf(systemProperties);
        return new BackendSelector(Map.copyOf(environment), properties::get);
    }

    /** As {@link #select(BackendChoice, CandelaConfig, CudaStatus)} with no explicit request. */
    public BackendSelection select(CandelaConfig config, CudaStatus cuda) {
        return select(null, config, cuda);
    }

    /**
     * Resolves the backend.
     *
     * @param explicit the caller's request (API argument, CLI flag), or {@code null} for none
     * @param config   the configuration, whose {@code backend} may be {@code null}
     * @param cuda     whether CUDA is usable here
     * @throws BackendUnavailableException when the GPU is requested, not usable and not emulated
     * @throws ConfigException             when the property or an environment variable holds an unknown value
     */
    public BackendSelection select(BackendChoice explicit, CandelaConfig config, CudaStatus cuda) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(cuda, "cuda");
        // Lower-precedence sources are read only when needed, so a stray value there cannot break an
        // explicit request.
        BackendChoice requested = explicit;
        BackendSelection.Source source = BackendSelection.Source.EXPLICIT;
        if (requested == null) {
            requested = parse(systemProperties.apply(BACKEND_PROPERTY), BACKEND_PROPERTY);
            source = BackendSelection.Source.SYSTEM_PROPERTY;
        }
        if (requested == null) {
            requested = parse(environment.get(BACKEND_ENVIRONMENT_VARIABLE), BACKEND_ENVIRONMENT_VARIABLE);
            source = BackendSelection.Source.ENVIRONMENT;
        }
        if (requested == null) {
            requested = config.backend();
            source = BackendSelection.Source.CONFIG;
        }
        if (requested == null) {
            requested = BackendChoice.AUTO;
            source = BackendSelection.Source.DEFAULT;
        }
        return resolve(requested, source, cuda);
    }

    private BackendSelection resolve(BackendChoice requested, BackendSelection.Source source, CudaStatus cuda) {
        String asked = requested.key() + " (" + source.description() + ")";
        return switch (requested) {
            case CPU -> new BackendSelection(requested, source, Backend.CPU, asked + ": using the CPU backend", false);
            case AUTO -> cuda.usable()
                    ? new BackendSelection(requested, source, Backend.GPU,
                            asked + ": using the GPU backend; " + cuda.reason(), false)
                    : new BackendSelection(requested, source, Backend.CPU,
                            asked + ": CUDA not usable (" + cuda.reason() + "); using the CPU backend", false);
            case GPU -> resolveGpu(requested, source, cuda, asked);
        };
    }

    private BackendSelection resolveGpu(BackendChoice requested, BackendSelection.Source source, CudaStatus cuda,
            String asked) {
        if (cuda.usable()) {
            return new BackendSelection(requested, source, Backend.GPU,
                    asked + ": using the GPU backend; " + cuda.reason(), false);
        }
        if (emulationEnabled()) {
            return new BackendSelection(requested, source, Backend.GPU, asked
                    + ": CUDA not usable (" + cuda.reason() + "); GPU emulation is on, so the GPU backend runs on"
                    + " the CPU through nd4j-native", true);
        }
        throw new BackendUnavailableException("GPU backend requested by " + source.description()
                + " but CUDA is not usable: " + cuda.reason() + ". Request backend 'cpu' or 'auto', or set "
                + EMULATE_ENVIRONMENT_VARIABLE + "=1 to run the GPU backend on the CPU for testing.", cuda);
    }

    private boolean emulationEnabled() {
        return flag(systemProperties.apply(EMULATE_PROPERTY), EMULATE_PROPERTY)
                || flag(environment.get(EMULATE_ENVIRONMENT_VARIABLE), EMULATE_ENVIRONMENT_VARIABLE);
    }

    private static BackendChoice parse(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return BackendChoice.parse(value);
        } catch (IllegalArgumentException e) {
            throw ConfigException.invalidValue(name, e.getMessage());
        }
    }

    /** Accepts 1/0 and true/false in any case; blank means off; anything else is a mistake worth reporting. */
    private static boolean flag(String value, String name) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw ConfigException.invalidValue(name, "expected 1, 0, true or false, was '" + value + "'");
        };
    }
}
