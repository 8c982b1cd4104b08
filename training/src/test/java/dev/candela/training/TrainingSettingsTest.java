package dev.candela.training;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingSettingsTest {

    @Test
    void emptyObjectGivesTheDefaultsAndTheyRoundTripThroughAMap() {
        TrainingSettings defaults = TrainingSettings.defaults();
        assertEquals(defaults, TrainingSettings.fromMap(Map.of()));
        assertEquals(defaults, TrainingSettings.fromMap(defaults.toMap()));
    }

    @Test
    void givenKeysReplaceOnlyThemselves() {
        TrainingSettings s = TrainingSettings.fromMap(Map.of("model", Map.of("type", "lstm", "window", 8),
                "buckets", Map.of("mode", "volatility")));
        TrainingSettings d = TrainingSettings.defaults();
        assertEquals(TrainingSettings.ModelType.LSTM, s.model().type());
        assertEquals(8, s.model().window());
        assertEquals(d.model().layers(), s.model().layers());
        assertEquals(d.model().learningRate(), s.model().learningRate());
        assertEquals(TrainingSettings.BucketMode.VOLATILITY, s.buckets().mode());
        assertEquals(d.buckets().count(), s.buckets().count());
    }

    @Test
    void badValueInsideAnArrayNamesTheIndexedKeyFileAndLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("train.json"), """
                {
                  "model": {
                    "layers": [
                      {"size": 8},
                      {"size": 0}
                    ]
                  }
                }
                """);
        TrainingConfigException e = assertThrows(TrainingConfigException.class, () -> TrainingSettings.read(file));
        assertEquals("model.layers[1].size", e.key().orElseThrow());
        assertEquals(5, e.line());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("must be at least 1, was 0"), e.getMessage());
    }

    @Test
    void unknownKeyIsNamedWithItsPathAndLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("train.json"), "{\n  \"fit\": {\n    \"maxEpoch\": 3\n  }\n}\n");
        TrainingConfigException e = assertThrows(TrainingConfigException.class, () -> TrainingSettings.read(file));
        assertEquals("fit.maxEpoch", e.key().orElseThrow());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("maxEpochs"), "lists the known keys: " + e.getMessage());
    }

    @Test
    void wrongTypesAndUnknownChoicesAreRefusedByKey() {
        TrainingConfigException type = assertThrows(TrainingConfigException.class,
                () -> TrainingSettings.fromMap(Map.of("model", Map.of("batchSize", "64"))));
        assertEquals("model.batchSize", type.key().orElseThrow());
        TrainingConfigException fraction = assertThrows(TrainingConfigException.class,
                () -> TrainingSettings.fromMap(Map.of("model", Map.of("batchSize", 2.5))));
        assertEquals("model.batchSize", fraction.key().orElseThrow());
        TrainingConfigException choice = assertThrows(TrainingConfigException.class,
                () -> TrainingSettings.fromMap(Map.of("buckets", Map.of("mode", "random"))));
        assertEquals("buckets.mode", choice.key().orElseThrow());
        assertTrue(choice.getMessage().contains("walk-forward"), choice.getMessage());
        TrainingConfigException lag = assertThrows(TrainingConfigException.class,
                () -> TrainingSettings.fromMap(Map.of("features", Map.of("lags", List.of(1, 0)))));
        assertEquals("features.lags[1]", lag.key().orElseThrow());
        TrainingConfigException opThreads = assertThrows(TrainingConfigException.class,
                () -> TrainingSettings.fromMap(Map.of("opThreads", 0)));
        assertEquals("opThreads", opThreads.key().orElseThrow());
    }

    @Test
    void crossFieldRuleNamesTheKeyItConcerns() {
        TrainingConfigException e = assertThrows(TrainingConfigException.class,
                () -> TrainingSettings.fromMap(Map.of("transfer", Map.of("frozenLayers", 3))));
        assertEquals("transfer.frozenLayers", e.key().orElseThrow());
    }

    @Test
    void malformedJsonNamesTheFileAndLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("train.json"), "{\n  \"seed\": 1,\n  \"fit\": {,}\n}\n");
        TrainingConfigException e = assertThrows(TrainingConfigException.class, () -> TrainingSettings.read(file));
        assertEquals(3, e.line());
    }
}
