package dev.candela.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditLookaheadCommandTest {

    /** The shared data folder, found by walking up from the working directory. */
    private static Optional<Path> sharedData() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path parent = dir.getParent();
            if (parent != null && Files.isDirectory(parent.resolve("shared").resolve("data"))) {
                return Optional.of(parent.resolve("shared").resolve("data"));
            }
            if (Files.isDirectory(dir.resolve("shared").resolve("data"))) {
                return Optional.of(dir.resolve("shared").resolve("data"));
            }
        }
        return Optional.empty();
    }

    private static String timeframesFor(String fileName) {
        if (fileName.contains("-1m-")) {
            return "1m,15m,1h";
        }
        if (fileName.contains("-1d-")) {
            return "1d,1w";
        }
        return "1h,4h,1d";
    }

    @TestFactory
    Stream<DynamicTest> realIndicatorsPassOnEveryFileOfTheSharedData() throws IOException {
        Optional<Path> dir = sharedData();
        Assumptions.assumeTrue(dir.isPresent(), "shared market data (../shared/data) not found; skipping");
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir.get())) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
        }
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            CliRun run = CliRun.of("audit-lookahead", "--input", file.toString(), "--timeframes",
                    timeframesFor(file.getFileName().toString()), "--indicators", "rsi(14),macd(12,26,9),atr(14)",
                    "--lags", "1", "--returns", "1", "--cuts", "6");
            assertEquals(0, run.exitCode(), run::toString);
            assertTrue(run.out().contains("PASS: none of"), run.out());
            assertTrue(run.out().contains("6 cuts"), run.out());
        }));
    }

    /** A plugin folder holding one jar that only names {@link PeekAheadPlugin} as a service. */
    private static Path peekPluginFolder(Path dir) throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        try (OutputStream file = Files.newOutputStream(plugins.resolve("peek.jar"));
             JarOutputStream jar = new JarOutputStream(file)) {
            jar.putNextEntry(new JarEntry("META-INF/services/dev.candela.spi.CandelaPlugin"));
            jar.write((PeekAheadPlugin.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return plugins;
    }

    private static Path writeHours(Path file, int bars) throws IOException {
        StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
        Random rnd = new Random(9);
        double close = 50;
        long t0 = Instant.parse("2024-03-04T00:00:00Z").getEpochSecond();
        for (int h = 0; h < bars; h++) {
            double open = close;
            close = Math.round(open * (1 + 0.01 * rnd.nextGaussian()) * 100) / 100.0;
            csv.append(Instant.ofEpochSecond(t0 + 3600L * h)).append(',').append(open).append(',')
                    .append(Math.max(open, close) + 0.25).append(',').append(Math.min(open, close) - 0.25).append(',')
                    .append(close).append(',').append(5 + rnd.nextInt(50)).append('\n');
        }
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void leakingFeatureExitsOneAndIsNamed(@TempDir Path dir) throws IOException {
        Path in = writeHours(dir.resolve("h.csv"), 500);
        CliRun run = CliRun.of("audit-lookahead", "--plugins", peekPluginFolder(dir).toString(), "--input",
                in.toString(), "--timeframes", "1h,4h", "--indicators", "rsi(14),peek", "--cuts", "8");
        assertEquals(1, run.exitCode(), run::toString);
        assertTrue(run.out().contains("LEAK 1h:peek: row "), run.out());
        assertTrue(run.out().contains("LEAK 4h:peek: row "), run.out());
        assertTrue(run.out().contains("FAIL: 2 of 4 feature columns"), run.out());
        assertTrue(!run.out().contains("LEAK 1h:rsi(14)"), run.out());
    }

    @Test
    void honestFeaturesPassWithExitZero(@TempDir Path dir) throws IOException {
        Path in = writeHours(dir.resolve("h.csv"), 500);
        CliRun run = CliRun.of("audit-lookahead", "--input", in.toString(), "--timeframes", "1h,4h,1d",
                "--indicators", "sma(5),bbands(20,2)", "--weighted", "sma(5)", "--weights", "1h=1,4h=1,1d=1",
                "--lags", "2", "--cuts", "5");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("500 rows, 26 feature columns, 5 cuts"), run.out());
    }

    @Test
    void badDataExitsThree(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("bad.csv");
        Files.writeString(in, "timestamp,open,high,low,close,volume\n2024-01-01T00:00:00Z,1,2,0.5,1.5,10\n"
                + "2024-01-01T00:00:00Z,1,2,0.5,1.5,10\n");
        CliRun run = CliRun.of("audit-lookahead", "--input", in.toString(), "--indicators", "rsi(14)");
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.err().contains("bad.csv:3"), run.err());
    }
}
