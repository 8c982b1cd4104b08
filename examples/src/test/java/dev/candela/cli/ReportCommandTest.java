package dev.candela.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportCommandTest {

    /** A two-bucket run folder in the format training writes. */
    private static List<String> events() {
        List<String> lines = new ArrayList<>();
        lines.add("{\"type\":\"run-started\",\"event\":{\"runId\":\"cli-run\",\"trainer\":\"progressive\","
                + "\"bucketCount\":2,\"firstBucket\":0,\"epochMillis\":1700000000000}}");
        for (int b = 0; b < 2; b++) {
            lines.add("{\"type\":\"bucket-started\",\"event\":{\"bucket\":" + b + ",\"bucketCount\":2,\"fromMillis\":"
                    + (1600000000000L + b * 86400000L) + ",\"toMillis\":" + (1600086400000L + b * 86400000L)
                    + ",\"trainRows\":100,\"validationRows\":20}}");
            for (int e = 0; e < 3; e++) {
                lines.add("{\"type\":\"epoch-ended\",\"event\":{\"bucket\":" + b + ",\"epoch\":" + e
                        + ",\"trainLoss\":" + (1.0 - 0.1 * e) + ",\"validationLoss\":" + (1.1 - 0.1 * e)
                        + ",\"metrics\":{\"accuracy\":0.5},\"elapsedNanos\":5}}");
            }
            lines.add("{\"type\":\"bucket-ended\",\"event\":{\"bucket\":" + b + ",\"epochs\":3,\"metrics\":"
                    + "{\"oos.accuracy\":0.5" + b + ",\"baseline.oos.accuracy\":0.49}}}");
        }
        lines.add("{\"type\":\"run-ended\",\"event\":{\"runId\":\"cli-run\",\"runDirectory\":\"runs/cli-run\","
                + "\"buckets\":[],\"summary\":{\"oos.accuracy\":0.505},\"completed\":true}}");
        return lines;
    }

    private static Path runFolder(Path dir, List<String> lines) throws IOException {
        Path run = dir.resolve("runs/cli-run");
        Files.createDirectories(run);
        Files.write(run.resolve("events.jsonl"), lines);
        return run;
    }

    private static String report(String suggestion) {
        return "{\"schema\":\"candela-optimizer-report\",\"schemaVersion\":1,\"profile\":[{\"name\":\"training.fit\","
                + "\"calls\":2,\"totalNanos\":2000000,\"selfNanos\":1000000,\"share\":0.5}],"
                + "\"suggestions\":[{\"rule\":\"r\",\"severity\":\"info\",\"message\":\"" + suggestion + "\"}]}";
    }

    @Test
    void writesTheRunsDashboardWithEveryBucketAndTheRunsOwnProfile(@TempDir Path dir) throws Exception {
        Path run = runFolder(dir, events());
        Files.writeString(run.resolve("profile.json"), report("use the GPU"));
        Path out = dir.resolve("dashboard.html");
        CliRun result = CliRun.of("report", "--run", run.toString(), "--out", out.toString());
        assertEquals(0, result.exitCode(), result::toString);
        String html = Files.readString(out);
        assertTrue(html.contains("<tr data-bucket=\"0\"") && html.contains("<tr data-bucket=\"1\""));
        assertTrue(html.contains("use the GPU"));
        assertTrue(result.out().contains("run cli-run: completed, 2 of 2 buckets trained"), result::toString);
    }

    @Test
    void anExplicitProfileIsUsedInsteadOfTheRunsOwn(@TempDir Path dir) throws Exception {
        Path run = runFolder(dir, events());
        Files.writeString(run.resolve("profile.json"), report("the run's own"));
        Path other = dir.resolve("other.json");
        Files.writeString(other, report("the explicit one"));
        Path out = dir.resolve("dashboard.html");
        CliRun result = CliRun.of("report", "--run", run.toString(), "--profile", other.toString(), "--out",
                out.toString());
        assertEquals(0, result.exitCode(), result::toString);
        String html = Files.readString(out);
        assertTrue(html.contains("the explicit one"));
        assertFalse(html.contains("the run's own"));
    }

    @Test
    void aBrokenEventLineExitsThreeNamingFileLineAndKeyAndWritesNothing(@TempDir Path dir) throws Exception {
        List<String> lines = events();
        lines.set(1, lines.get(1).replace("\"trainRows\":100", "\"trainRows\":\"many\""));
        Path run = runFolder(dir, lines);
        Path out = dir.resolve("dashboard.html");
        CliRun result = CliRun.of("report", "--run", run.toString(), "--out", out.toString());
        assertEquals(ExitCode.BAD_DATA, result.exitCode(), result::toString);
        assertTrue(result.err().contains(run.resolve("events.jsonl") + ":2: key 'event.trainRows'"), result::toString);
        assertFalse(Files.exists(out));
    }

    @Test
    void aMissingRunFolderIsAUsageError(@TempDir Path dir) {
        Path out = dir.resolve("dashboard.html");
        CliRun result = CliRun.of("report", "--run", dir.resolve("runs/none").toString(), "--out", out.toString());
        assertEquals(ExitCode.USAGE, result.exitCode(), result::toString);
        assertTrue(result.err().contains("runs/none"), result::toString);
        assertFalse(Files.exists(out));
    }
}
