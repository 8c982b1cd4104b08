package dev.candela.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FoundationCommandsTest {

    @Test
    void hardwareJsonNamesTheBackendAndTheCoreCount() throws IOException {
        CliRun run = CliRun.of("hardware", "--json", "--backend", "cpu");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("cpu", json.get("backend").asText());
        assertEquals("cpu", json.get("requested").asText());
        assertTrue(json.get("cores").asInt() >= 1);
        assertEquals(json.get("cores").asInt(), json.get("hardware").get("physicalCores").asInt());
        assertFalse(json.get("hardware").get("cuda").get("reason").asText().isBlank());
    }

    @Test
    void hardwareTextShowsTheCudaVerdictAndBackend() {
        CliRun run = CliRun.of("hardware");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("CUDA     "), run.out());
        assertTrue(run.out().contains("Backend  "), run.out());
    }

    @Test
    void gpuOnAMachineWithoutAUsableGpuFailsWithTheReason() {
        CliRun run = CliRun.of("hardware", "--backend", "gpu");
        // This test machine has no usable GPU: the request must fail with the probe's reason.
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().startsWith("candela: "), run.err());
        assertTrue(run.err().toLowerCase().contains("gpu"), run.err());
    }

    @Test
    void resampleWritesHandCheckedCandles(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("m1.csv");
        Files.writeString(in, String.join("\n",
                "timestamp,open,high,low,close,volume",
                "2024-01-01T00:00:00Z,10,12,9,11,1.5",
                "2024-01-01T00:01:00Z,11,13,10,12,2",
                "2024-01-01T00:02:00Z,12,12.5,8,9,0.25",
                "2024-01-01T00:03:00Z,9,10,9,10,1",
                "2024-01-01T00:04:00Z,10,11,10,11,1",
                "2024-01-01T00:05:00Z,11,11,7,8,3",
                "2024-01-01T00:06:00Z,8,9,8,9,1", ""));
        Path out = dir.resolve("m5.csv");
        CliRun run = CliRun.of("resample", "--input", in.toString(), "--timeframe", "5m", "--out", out.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(List.of("timestamp,open,high,low,close,volume",
                "2024-01-01T00:00:00Z,10.0,13.0,8.0,11.0,5.75"), Files.readAllLines(out));
        assertTrue(run.err().contains("dropped the unfinished last 5m candle"), run.err());

        Path kept = dir.resolve("m5-all.csv");
        CliRun all = CliRun.of("resample", "--input", in.toString(), "--timeframe", "5m", "--out", kept.toString(),
                "--keep-incomplete");
        assertEquals(0, all.exitCode(), all::toString);
        assertEquals("2024-01-01T00:05:00Z,11.0,11.0,7.0,9.0,4.0", Files.readAllLines(kept).get(2));
    }

    @Test
    void badDataExitsThreeNamingFileLineAndColumnAndWritesNothing(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("bad.csv");
        Files.writeString(in, "timestamp,open,high,low,close,volume\n"
                + "2024-01-01T00:00:00Z,10,12,9,11,1\n"
                + "2024-01-01T00:01:00Z,11,abc,10,12,2\n");
        Path out = dir.resolve("out.csv");
        CliRun run = CliRun.of("resample", "--input", in.toString(), "--timeframe", "5m", "--out", out.toString());
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.err().contains("bad.csv:3"), run.err());
        assertTrue(run.err().contains("high"), run.err());
        assertEquals(1, run.err().strip().lines().count(), "one line without --verbose: " + run.err());
        assertFalse(Files.exists(out), "no partial output");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(in), files.toList(), "no temporary files left behind");
        }
    }

    @Test
    void validateListsEveryInvalidRowAndGapAndExitsThree(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("v.csv");
        Files.writeString(in, "timestamp,open,high,low,close,volume\n"
                + "2024-01-01T00:00:00Z,10,12,9,11,1\n"
                + "2024-01-01T01:00:00Z,11,10,12,11,1\n"
                + "2024-01-01T02:00:00Z,11,12,10,11,-5\n"
                + "2024-01-01T03:00:00Z,11,12,10,11,1\n"
                + "2024-01-01T06:00:00Z,11,12,10,11,1\n");
        CliRun run = CliRun.of("validate", "--input", in.toString(), "--timeframe", "1h");
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.err().contains("v.csv:3"), run.err());
        assertTrue(run.err().contains("v.csv:4"), run.err());
        assertTrue(run.err().contains("volume"), run.err());
        assertTrue(run.out().contains("2 invalid"), run.out());
        assertTrue(run.out().contains("gap "), run.out());
    }

    @Test
    void validateAcceptsAGoodFile(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("ok.csv");
        Files.writeString(in, "timestamp,open,high,low,close,volume\n"
                + "1704067200,10,12,9,11,1\n1704070800,11,12,10,11,1\n");
        CliRun run = CliRun.of("validate", "--input", in.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("0 invalid, 0 gaps"), run.out());
    }

    @Test
    void usageErrorsExitTwo(@TempDir Path dir) {
        assertEquals(2, CliRun.of("resample", "--timeframe", "5m").exitCode());
        assertEquals(2, CliRun.of("resample", "--timeframe", "7m", "--out", "x.csv").exitCode());
        assertEquals(2, CliRun.of("frobnicate").exitCode());
        assertEquals(2, CliRun.of("hardware", "--backend", "tpu").exitCode());
        CliRun missing = CliRun.of("validate", "--input", dir.resolve("nope.csv").toString());
        assertEquals(2, missing.exitCode(), missing::toString);
        assertTrue(missing.err().contains("nope.csv"), missing.err());
    }

    @Test
    void helpWorksEverywhere() {
        for (String cmd : List.of("hardware", "resample", "validate")) {
            CliRun run = CliRun.of(cmd, "--help");
            assertEquals(0, run.exitCode(), run::toString);
            assertTrue(run.out().contains("Usage: candela " + cmd), run.out());
        }
        CliRun top = CliRun.of("--help");
        assertEquals(0, top.exitCode());
        assertTrue(top.out().contains("hardware") && top.out().contains("resample") && top.out().contains("validate"));
    }
}
