package dev.candela.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLocationTest {

    @Test
    void systemPropertyWinsOverEnvironmentAndWorkingDirectory(@TempDir Path dir) throws IOException {
        Path fromProperty = Files.writeString(dir.resolve("prop.json"), "{}");
        Files.writeString(dir.resolve("env.json"), "{}");
        Files.writeString(dir.resolve("candela.json"), "{}");

        Optional<ConfigLocation> found = ConfigLocation.find(Map.of("CANDELA_CONFIG", "env.json"),
                Map.of("candela.config", fromProperty.toString())::get, dir);

        assertEquals(Optional.of(new ConfigLocation(fromProperty, "system property candela.config")), found);
    }

    @Test
    void environmentWinsOverWorkingDirectoryAndResolvesRelativeNames(@TempDir Path dir) throws IOException {
        Path fromEnvironment = Files.writeString(dir.resolve("env.json"), "{}");
        Files.writeString(dir.resolve("candela.json"), "{}");

        Optional<ConfigLocation> found = ConfigLocation.find(Map.of("CANDELA_CONFIG", "env.json"), name -> null, dir);

        assertEquals(Optional.of(new ConfigLocation(fromEnvironment, "environment variable CANDELA_CONFIG")), found);
    }

    @Test
    void usesCandelaJsonInTheWorkingDirectoryWhenPresent(@TempDir Path dir) throws IOException {
        assertEquals(Optional.empty(), ConfigLocation.find(Map.of(), name -> null, dir));

        Path local = Files.writeString(dir.resolve("candela.json"), "{}");

        assertEquals(Optional.of(new ConfigLocation(local, "candela.json in the working directory")),
                ConfigLocation.find(Map.of(), name -> null, dir));
    }

    @Test
    void namedFileThatDoesNotExistIsAnError(@TempDir Path dir) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLocation.find(Map.of("CANDELA_CONFIG", "missing.json"), name -> null, dir));

        assertEquals("invalid value for 'CANDELA_CONFIG': configuration file " + dir.resolve("missing.json")
                + " does not exist", e.getMessage());
    }
}
