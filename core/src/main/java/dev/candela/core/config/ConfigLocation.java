package dev.candela.core.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the configuration file is, and what said so.
 *
 * <p>In order: system property {@value #PROPERTY}, environment variable {@value #ENVIRONMENT_VARIABLE},
 * then {@value #FILE_NAME} in the working directory if it exists. A file named by the property or the
 * variable must exist; relative names are resolved against the working directory.
 *
 * @param path   the configuration file
 * @param origin what named it, e.g. {@code "system property candela.config"}
 */
public record ConfigLocation(Path path, String origin) {

    public static final String PROPERTY = "candela.config";
    public static final String ENVIRONMENT_VARIABLE = "CANDELA_CONFIG";
    public static final String FILE_NAME = "candela.json";

    public ConfigLocation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(origin, "origin");
    }

    /** The configuration file of this process, if any. */
    public static Optional<ConfigLocation> find() {
        return find(System.getenv(), System::getProperty, Path.of(""));
    }

    /**
     * The configuration file for the given environment, system properties and working directory.
     *
     * @throws ConfigException when the property or variable names a file that does not exist
     */
    public static Optional<ConfigLocation> find(Map<String, String> environment,
            Function<String, String> systemProperties, Path workingDirectory) {
        String property = systemProperties.apply(PROPERTY);
        if (property != null && !property.isBlank()) {
            return Optional.of(named(property, "system property", PROPERTY, workingDirectory));
        }
        String variable = environment.get(ENVIRONMENT_VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return Optional.of(named(variable, "environment variable", ENVIRONMENT_VARIABLE, workingDirectory));
        }
        Path local = workingDirectory.resolve(FILE_NAME);
        return Files.isRegularFile(local)
                ? Optional.of(new ConfigLocation(local, FILE_NAME + " in the working directory"))
                : Optional.empty();
    }

    private static ConfigLocation named(String name, String kind, String key, Path workingDirectory) {
        Path path;
        try {
            path = workingDirectory.resolve(name.strip());
        } catch (InvalidPathException e) {
            throw ConfigException.invalidValue(key, "'" + name + "' is not a valid path");
        }
        if (!Files.isRegularFile(path)) {
            throw ConfigException.invalidValue(key, "configuration file " + path + " does not exist");
        }
        return new ConfigLocation(path, kind + " " + key);
    }
}
