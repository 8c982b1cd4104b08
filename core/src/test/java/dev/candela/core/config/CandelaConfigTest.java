package dev.candela.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CandelaConfigTest {

    private static ConfigException rejected(String json) {
        return assertThrows(ConfigException.class, () -> CandelaConfig.parse(json, "candela.json"));
    }

    @Test
    void defaultsAreTheDocumentedValues() {
        CandelaConfig config = CandelaConfig.defaults();

        assertNull(config.backend());
        assertNull(config.threads());
        assertEquals(0.10, config.gpu().memoryHeadroomFraction());
        assertEquals(false, config.gpu().float32());
        assertEquals(512L * 1024 * 1024, config.cache().maxBytes());
        assertEquals(Duration.ofSeconds(1), config.optimizer().sampleInterval());
        assertEquals(new ResourceThresholds(null, null, null), config.optimizer().thresholds());
        assertNull(config.training().threads());
    }

    @Test
    void emptyObjectAndPartialSectionsTakeTheDefaults() {
        assertEquals(CandelaConfig.defaults(), CandelaConfig.parse("{}", "candela.json"));

        CandelaConfig partial = CandelaConfig.parse("{\"gpu\": {\"float32\": true}, \"optimizer\": {}}", "candela.json");

        assertEquals(new GpuConfig(0.10, true), partial.gpu());
        assertEquals(OptimizerConfig.defaults(), partial.optimizer());
    }

    @Test
    void readsEverySection() {
        String json = """
                {
                  "backend": "GPU",
                  "threads": 6,
                  "gpu": { "memoryHeadroomFraction": 0.25, "float32": true },
                  "cache": { "maxBytes": 0 },
                  "optimizer": {
                    "sampleIntervalMillis": 250,
                    "thresholds": { "cpu": 0.9, "memory": 1.0, "gpuMemory": null }
                  },
                  "training": { "threads": 3 }
                }
                """;

        CandelaConfig config = CandelaConfig.parse(json, "candela.json");

        assertEquals(new CandelaConfig(BackendChoice.GPU, 6, new GpuConfig(0.25, true), new CacheConfig(0),
                new OptimizerConfig(250, new ResourceThresholds(0.9, 1.0, null)), new TrainingConfig(3)), config);
    }

    @Test
    void writtenJsonReadsBackEqualAndListsEveryKey() {
        CandelaConfig config = CandelaConfig.builder().backend(BackendChoice.CPU).threads(4)
                .gpu(GpuConfig.defaults().withFloat32(true)).training(new TrainingConfig(2)).build();

        String json = config.toJson();

        assertEquals(config, CandelaConfig.parse(json, "written"));
        assertEquals(CandelaConfig.defaults(), CandelaConfig.parse(CandelaConfig.defaults().toJson(), "written"));
        for (String key : new String[] {"\"backend\" : \"cpu\"", "\"threads\"", "\"memoryHeadroomFraction\"",
                "\"float32\"", "\"maxBytes\"", "\"sampleIntervalMillis\"", "\"cpu\"", "\"memory\"", "\"gpuMemory\""}) {
            assertTrue(json.contains(key), key + " in " + json);
        }
    }

    @Test
    void rejectsUnknownTopLevelKeyWithLineAndKnownKeys() {
        ConfigException e = rejected("{\n  \"threads\": 2,\n  \"backnd\": \"gpu\"\n}");

        assertEquals("unknown key 'backnd' in candela.json (line 3); known keys here: backend, cache, gpu,"
                + " optimizer, threads, training", e.getMessage());
        assertEquals(Optional.of("backnd"), e.key());
        assertEquals(Optional.of("candela.json"), e.source());
        assertEquals(3, e.line());
    }

    @Test
    void rejectsUnknownNestedKeyNamingItsFullPath() {
        ConfigException e = rejected("""
                {
                  "backend": "auto",
                  "gpu": {
                    "memoryHeadrom": 0.2
                  }
                }
                """);

        assertEquals("unknown key 'gpu.memoryHeadrom' in candela.json (line 4); known keys here: float32,"
                + " memoryHeadroomFraction", e.getMessage());
    }

    @Test
    void rejectsUnknownKeyTwoLevelsDown() {
        ConfigException e = rejected("{\"optimizer\": {\n\"thresholds\": {\n\"cpu\": 0.5,\n\"gpu\": 0.5}}}");

        assertEquals(Optional.of("optimizer.thresholds.gpu"), e.key());
        assertEquals(4, e.line());
    }

    @Test
    void rejectsUnknownBackendNamingKeyAndLine() {
        ConfigException e = rejected("{\n  \"backend\": \"cuda\"\n}");

        assertEquals("invalid value for 'backend' in candela.json (line 2): unknown backend 'cuda'; expected auto,"
                + " cpu or gpu", e.getMessage());
    }

    @Test
    void rejectsFractionsOutsideZeroToOne() {
        ConfigException tooBig = rejected("{\n  \"gpu\": {\n    \"float32\": true,\n    \"memoryHeadroomFraction\": 1.5\n  }\n}");
        assertEquals("invalid value for 'gpu.memoryHeadroomFraction' in candela.json (line 4): must be a fraction"
                + " in (0, 1], was 1.5", tooBig.getMessage());

        assertEquals(Optional.of("gpu.memoryHeadroomFraction"), rejected("{\"gpu\": {\"memoryHeadroomFraction\": 0}}").key());
        assertEquals(Optional.of("optimizer.thresholds.memory"),
                rejected("{\"optimizer\": {\"thresholds\": {\"memory\": -0.1}}}").key());
        assertEquals(Optional.of("optimizer.thresholds.gpuMemory"),
                rejected("{\"optimizer\": {\"thresholds\": {\"gpuMemory\": 1.0000001}}}").key());
    }

    @Test
    void acceptsFractionBoundaryOne() {
        CandelaConfig config = CandelaConfig.parse("{\"gpu\": {\"memoryHeadroomFraction\": 1}}", "candela.json");

        assertEquals(1.0, config.gpu().memoryHeadroomFraction());
    }

    @Test
    void rejectsNonPositiveThreadCounts() {
        ConfigException top = rejected("{\"threads\": 0}");
        assertEquals("invalid value for 'threads' in candela.json (line 1): must be at least 1, was 0", top.getMessage());

        assertEquals(Optional.of("training.threads"), rejected("{\"training\": {\"threads\": -2}}").key());
    }

    @Test
    void rejectsNegativeCacheSizeAndZeroSampleInterval() {
        assertEquals("invalid value for 'cache.maxBytes' in candela.json (line 1): must not be negative, was -1",
                rejected("{\"cache\": {\"maxBytes\": -1}}").getMessage());
        assertEquals(Optional.of("optimizer.sampleIntervalMillis"),
                rejected("{\"optimizer\": {\"sampleIntervalMillis\": 0}}").key());
    }

    @Test
    void rejectsValuesOfTheWrongType() {
        ConfigException text = rejected("{\n\"threads\": \"four\"}");
        assertEquals(Optional.of("threads"), text.key());
        assertEquals(2, text.line());
        assertTrue(text.getMessage().startsWith("invalid value for 'threads' in candela.json (line 2): expected a whole number"),
                text.getMessage());

        assertEquals(Optional.of("threads"), rejected("{\"threads\": 2.5}").key());
        assertEquals(Optional.of("gpu.float32"), rejected("{\"gpu\": {\"float32\": \"yes\"}}").key());
        assertEquals(Optional.of("gpu.float32"), rejected("{\"gpu\": {\"float32\": 1}}").key());
        assertEquals(Optional.of("gpu"), rejected("{\"gpu\": 0.5}").key());
    }

    @Test
    void rejectsDuplicateKeys() {
        ConfigException e = rejected("{\n\"threads\": 2,\n\"threads\": 3\n}");

        assertTrue(e.getMessage().startsWith("candela.json (line 3): malformed JSON"), e.getMessage());
        assertTrue(e.getMessage().contains("threads"), e.getMessage());
    }

    @Test
    void rejectsMalformedJsonWithLineAndColumn() {
        ConfigException e = rejected("{\n  \"threads\": 2\n  \"backend\": \"cpu\"\n}");

        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith("candela.json (line 3): malformed JSON at column 3"), e.getMessage());
    }

    @Test
    void rejectsEmptyFileAndNonObjectRoot() {
        assertEquals("candela.json: the configuration is empty; write {} to use the defaults", rejected("  \n").getMessage());
        assertEquals("candela.json (line 1): expected a JSON object with configuration keys",
                rejected("[1, 2]").getMessage());
    }

    @Test
    void rejectsTrailingContent() {
        assertEquals("candela.json (line 1): unexpected content after the configuration object",
                rejected("{} {}").getMessage());
    }

    @Test
    void builderRejectsInvalidValuesNamingTheKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> CandelaConfig.builder().threads(0).build());

        assertEquals("invalid value for 'threads': must be at least 1, was 0", e.getMessage());
        assertEquals(0, e.line());
        assertEquals(Optional.empty(), e.source());
        assertThrows(ConfigException.class, () -> GpuConfig.defaults().withMemoryHeadroomFraction(Double.NaN));
    }

    @Test
    void toBuilderKeepsEverythingNotChanged() {
        CandelaConfig original = CandelaConfig.parse("{\"backend\": \"cpu\", \"cache\": {\"maxBytes\": 42}}", "x");

        CandelaConfig changed = original.toBuilder().threads(8).build();

        assertEquals(new CandelaConfig(BackendChoice.CPU, 8, original.gpu(), new CacheConfig(42), original.optimizer(),
                original.training()), changed);
    }

    @Test
    void readsAFileAndNamesItInErrors(@TempDir Path dir) throws IOException {
        Path good = Files.writeString(dir.resolve("candela.json"), "{\"threads\": 3}");
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\n\"cache\": {\"maxByte\": 1}\n}");

        assertEquals(3, CandelaConfig.read(good).threads());
        ConfigException e = assertThrows(ConfigException.class, () -> CandelaConfig.read(bad));
        assertEquals("unknown key 'cache.maxByte' in " + bad + " (line 2); known keys here: maxBytes", e.getMessage());
    }

    @Test
    void missingFileIsAConfigException(@TempDir Path dir) {
        Path missing = dir.resolve("absent.json");

        ConfigException e = assertThrows(ConfigException.class, () -> CandelaConfig.read(missing));

        assertTrue(e.getMessage().startsWith(missing + ": cannot read the configuration file"), e.getMessage());
    }
}
