package dev.candela.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candela.core.Candela;
import dev.candela.core.config.BackendChoice;
import dev.candela.spi.Optimizer;
import dev.candela.training.ProgressiveTrainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

class TrainCommandTest {

    private static final String SMALL = """
            {
              "features": {"timeframes": ["1h", "4h"], "indicators": "rsi(14)", "lags": [], "returns": [1]},
              "model": {"layers": [{"size": 4}]},
              "fit": {"maxEpochs": 2, "patience": 1},
              "buckets": {"count": 3}
            }
            """;

    @Test
    void trainsOnEmbeddedDataIntoARunFolderWithOneProgressLinePerBucket(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("train.json"), SMALL);
        Path run = dir.resolve("runs/first");
        CliRun result = CliRun.of("train", "--config", config.toString(), "--out", run.toString());
        assertEquals(ExitCode.OK, result.exitCode(), result::toString);
        assertTrue(result.out().contains("3 buckets"), result::toString);
        long bucketLines = result.err().lines().filter(l -> l.startsWith("bucket ")).count();
        assertEquals(3, bucketLines, result::toString);
        JsonNode summary = new ObjectMapper().readTree(run.resolve("summary.json").toFile());
        assertTrue(summary.get("completed").asBoolean());
        assertEquals(3, summary.get("buckets").size());
        List<String> types = Files.readAllLines(run.resolve("events.jsonl")).stream()
                .map(l -> readType(l)).toList();
        assertEquals("run-started", types.get(0));
        assertEquals("run-ended", types.get(types.size() - 1));
        assertTrue(Files.isRegularFile(run.resolve("buckets/002/checkpoint.zip")));
    }

    @Test
    void dashboardOptionServesTheRunOnLoopbackWhileItTrains(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("train.json"), SMALL);
        CliRun result = CliRun.of("train", "--config", config.toString(), "--out", dir.resolve("run").toString(),
                "--dashboard");
        assertEquals(ExitCode.OK, result.exitCode(), result::toString);
        String first = result.err().lines().findFirst().orElse("");
        assertTrue(first.matches("live dashboard: http://127\\.0\\.0\\.1:\\d+/?"), result::toString);
    }

    @Test
    void underTheProfilerTheTrainerHandsItsBatchSizeAndCacheToTheOptimizer(@TempDir Path dir) throws Exception {
        Optimizer optimizer = mock(Optimizer.class);
        try (Candela candela = Candela.builder()
                .backend(BackendChoice.CPU)
                .modules(binder -> binder.bind(Optimizer.class).toInstance(optimizer)).build()) {
            ProgressiveTrainer trainer = candela.get(ProgressiveTrainer.class);
            TrainCommand.registerWithOptimizer(candela, trainer);
            verify(optimizer).register(trainer.batchSizeControl());
            verify(optimizer).register(trainer.datasetCache());
        }
        try (Candela plain = Candela.builder()
                .backend(BackendChoice.CPU).build()) {
            TrainCommand.registerWithOptimizer(plain, plain.get(ProgressiveTrainer.class));
        }
    }

    @Test
    void unknownConfigKeyExitsWithUsageNamingTheKeyFileAndLine(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("train.json"), """
                {
                  "model": {
                    "layers": [{"size": 4}, {"size": 0}]
                  }
                }
                """);
        CliRun result = CliRun.of("train", "--config", config.toString(), "--out", dir.resolve("run").toString());
        assertEquals(ExitCode.USAGE, result.exitCode(), result::toString);
        assertTrue(result.err().contains("model.layers[1].size"), result::toString);
        assertTrue(result.err().contains("train.json (line 3)"), result::toString);
        assertFalse(Files.exists(dir.resolve("run")), "nothing is written for a bad configuration");
    }

    @Test
    void tooFewCandlesExitWithBadData(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
        for (int i = 0; i < 60; i++) {
            csv.append(String.format(java.util.Locale.ROOT, "%d,100,101,99,%d,10%n", 1_700_000_000L + i * 3600L,
                    100 + i % 3));
        }
        Path input = Files.writeString(dir.resolve("short.csv"), csv.toString());
        CliRun result = CliRun.of("train", "--input", input.toString(), "--out", dir.resolve("run").toString());
        assertEquals(ExitCode.BAD_DATA, result.exitCode(), result::toString);
    }

    private static String readType(String line) {
        try {
            return new ObjectMapper().readTree(line).get("type").asText();
        } catch (java.io.IOException e) {
            throw new AssertionError(line, e);
        }
    }
}
