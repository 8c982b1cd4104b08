package dev.candela.cli;

import dev.candela.optimizer.report.OptimizerReport;
import dev.candela.optimizer.report.SectionProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileCommandTest {

    /** Hourly candles from 2024-01-01T00:00Z with a random walk of closes. */
    private static Path hours(Path dir, int bars) throws IOException {
        StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
        Random rnd = new Random(11);
        double close = 100;
        long t0 = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
        for (int h = 0; h < bars; h++) {
            double open = close;
            close = Math.round(open * (1 + 0.01 * rnd.nextGaussian()) * 100) / 100.0;
            csv.append(Instant.ofEpochSecond(t0 + 3600L * h)).append(',').append(open).append(',')
                    .append(Math.max(open, close) + 0.5).append(',').append(Math.min(open, close) - 0.5).append(',')
                    .append(close).append(',').append(10 + rnd.nextInt(90)).append('\n');
        }
        Path file = dir.resolve("h.csv");
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void profilingFeaturesWritesAReportWithIndicatorAndFeatureSections(@TempDir Path dir) throws IOException {
        Path in = hours(dir, 500);
        Path features = dir.resolve("f.csv");
        Path report = dir.resolve("report.json");
        List<String> inner = List.of("features", "--input", in.toString(), "--timeframes", "1h,4h",
                "--indicators", "rsi(14),sma(5)", "--out", features.toString());
        String[] args = java.util.stream.Stream.concat(
                java.util.stream.Stream.of("--backend", "cpu", "profile", "--out", report.toString(), "--interval", "50",
                        "--"), inner.stream()).toArray(String[]::new);
        CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(Files.size(features) > 0, "the profiled command did its work");

        OptimizerReport r = OptimizerReport.load(report);
        assertEquals(inner, r.command());
        Map<String, SectionProfile> p = r.profile().stream()
                .collect(Collectors.toMap(SectionProfile::name, Function.identity()));
        assertTrue(p.keySet().containsAll(List.of("features.compute", "features.resample", "features.indicators",
                "features.merge", "features.assemble", "indicator:rsi", "indicator:sma")), p.keySet().toString());
        assertEquals(1, p.get("features.compute").calls());
        assertTrue(r.wallNanos() >= p.get("features.compute").totalNanos(), "the wall time covers the whole command");
        assertFalse(r.resources().samples().isEmpty(), "a sample is taken at the end at the latest");
        assertTrue(run.out().contains("Profile of features --input"), run.out());
        assertTrue(run.out().contains("indicator:rsi"), run.out());
        assertTrue(run.out().contains("Report written to " + report), run.out());
    }

    @Test
    void aFailingCommandStillGetsItsReportAndItsExitCodeIsKept(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("bad.csv");
        Files.writeString(in, "timestamp,open,high,low,close,volume\n2024-01-01T00:00:00Z,1,2,0.5,1.5,10\n"
                + "2024-01-01T01:00:00Z,1,oops,0.5,1.5,10\n");
        Path report = dir.resolve("report.json");
        CliRun run = CliRun.of("profile", "--out", report.toString(), "--", "features", "--input", in.toString(),
                "--indicators", "rsi(14)", "--out", dir.resolve("f.csv").toString());
        assertEquals(ExitCode.BAD_DATA, run.exitCode(), run::toString);
        assertTrue(run.err().contains("bad.csv:3"), run.err());
        OptimizerReport r = OptimizerReport.load(report);
        assertEquals("features", r.command().get(0));
        assertFalse(Files.exists(dir.resolve("f.csv")));
    }

    @Test
    void aMissingCommandIsAUsageError(@TempDir Path dir) {
        CliRun run = CliRun.of("profile", "--out", dir.resolve("r.json").toString());
        assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
        assertFalse(Files.exists(dir.resolve("r.json")));
    }

    @Test
    void profileRefusesToProfileItself(@TempDir Path dir) {
        CliRun run = CliRun.of("profile", "--out", dir.resolve("r.json").toString(), "--", "profile", "--out",
                dir.resolve("s.json").toString(), "--", "hardware");
        assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("profile cannot run itself"), run.err());
    }
}
