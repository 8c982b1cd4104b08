package dev.candela.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoCommandTest {
    private static final String SMALL = """
            {
              "features": {"indicators": "rsi(14),atr(14)", "lags": [1]},
              "model": {"layers": [{"size": 4}]},
              "fit": {"maxEpochs": 2, "patience": 1},
              "buckets": {"count": 3}
            }
            """;

    @Test
    void runsThePipelineAndWritesDashboardProfileChartAndRun(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("small.json"), SMALL);
        Path out = dir.resolve("demo");
        CliRun run = CliRun.of("demo", "--train-config", config.toString(), "--out", out.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run::toString);

        for (String step : List.of("1. data: embedded synthetic market", "3. features:", "4. training",
                "5. out-of-sample evaluation", "6. where the time went", "7. suggestions")) {
            assertTrue(run.out().contains(step), step + "\n" + run);
        }
        assertTrue(run.out().contains("on 1h + 4h + 1d"), "multi-timeframe features\n" + run);

        Path runFolder;
        try (Stream<Path> runs = Files.list(out.resolve("runs"))) {
            runFolder = runs.findFirst().orElseThrow();
        }
        JsonNode summary = new ObjectMapper().readTree(runFolder.resolve("summary.json").toFile());
        assertTrue(summary.get("completed").asBoolean());
        assertEquals(3, summary.get("buckets").size());

        JsonNode profile = new ObjectMapper().readTree(out.resolve("profile.json").toFile());
        Set<String> sections = new HashSet<>();
        profile.get("profile").forEach(p -> sections.add(p.get("name").asText()));
        assertTrue(sections.containsAll(List.of("features.compute", "indicator:rsi", "training.fit",
                "training.evaluate", "training.checkpoint")), sections.toString());
        assertTrue(profile.at("/resources/samples").size() >= 1);
        assertTrue(profile.has("suggestions"));

        String html = Files.readString(out.resolve("dashboard.html"));
        for (int bucket = 0; bucket < 3; bucket++) {
            assertTrue(html.contains(">" + bucket + "<"), "bucket " + bucket + " shown");
        }
        assertTrue(Files.size(out.resolve("chart.png")) > 10_000);
        for (String output : List.of("dashboard.html", "profile.json", "chart.png")) {
            assertTrue(run.out().contains(out.resolve(output).toString()), output + " is named in the summary");
        }
    }

    @Test
    void badCandlesExitWithTheFileAndLineAndLeaveNoOutputs(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("bad.csv"), """
                timestamp,open,high,low,close,volume
                2024-01-01T00:00:00Z,100,101,99,100.5,10
                2024-01-01T01:00:00Z,100,99,101,100.5,10
                """);
        Path out = dir.resolve("demo");
        CliRun run = CliRun.of("demo", "--input", csv.toString(), "--out", out.toString());
        assertEquals(ExitCode.BAD_DATA, run.exitCode(), run::toString);
        assertTrue(run.err().contains("bad.csv:3"), run::toString);
        assertFalse(Files.exists(out), "nothing written");
    }
}
