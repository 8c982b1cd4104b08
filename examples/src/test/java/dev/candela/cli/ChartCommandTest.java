package dev.candela.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartCommandTest {

    private static Path writeSeries(Path dir, int bars) throws IOException {
        StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
        double close = 100;
        java.util.Random rnd = new java.util.Random(3);
        for (int i = 0; i < bars; i++) {
            double open = close;
            close = Math.max(1, open * (1 + 0.01 * rnd.nextGaussian()));
            double high = Math.max(open, close) * 1.002;
            double low = Math.min(open, close) * 0.998;
            csv.append(Instant.ofEpochSecond(1_700_000_000L / 3600 * 3600 + 3600L * i)).append(',').append(open)
                    .append(',').append(high).append(',').append(low).append(',').append(close).append(",10\n");
        }
        Path in = dir.resolve("series.csv");
        Files.writeString(in, csv);
        return in;
    }

    @Test
    void chartsTheSyntheticMarketWithOverlaysAndPanelsAsPng(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("chart.png");
        CliRun run = CliRun.of("chart", "--indicators", "bbands(20,2),ema(50),rsi(14),macd(12,26,9)", "--out",
                out.toString());
        assertEquals(0, run.exitCode(), run::toString);
        BufferedImage image = ImageIO.read(out.toFile());
        assertEquals(1200, image.getWidth());
        assertEquals(700, image.getHeight());
        assertTrue(run.out().contains("4 indicators"), run::toString);
    }

    @Test
    void svgNamesEachIndicatorOutputInItsLegend(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("chart.svg");
        CliRun run = CliRun.of("chart", "--input", writeSeries(dir, 800).toString(), "--indicators",
                "bbands(20,2),rsi(14),macd(12,26,9)", "--style", "line", "--last", "300", "--width", "900",
                "--height", "600", "--out", out.toString());
        assertEquals(0, run.exitCode(), run::toString);
        String svg = Files.readString(out);
        for (String name : new String[] {"bbands(20,2).upper", "bbands(20,2).lower", "rsi(14)", "macd(12,26,9).signal",
            "macd(12,26,9).hist"}) {
            assertTrue(svg.contains(">" + name + "<"), "legend lacks " + name);
        }
        assertTrue(svg.contains("width='900.0' height='600.0'"));
    }

    @Test
    void drawsAMultiTimeframeView(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("mtf.svg");
        CliRun run = CliRun.of("chart", "--timeframes", "1h,4h,1d", "--last", "2000", "--out", out.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(Files.readString(out).startsWith("<?xml"));
        assertTrue(run.out().contains("3 timeframes"), run::toString);
    }

    @Test
    void badInputExitsThreeNamingFileAndLineAndWritesNothing(@TempDir Path dir) throws Exception {
        Path in = writeSeries(dir, 50);
        java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(in));
        lines.set(10, lines.get(10).replaceFirst(",[^,]+,", ",abc,"));
        Files.write(in, lines);
        Path out = dir.resolve("chart.png");
        CliRun run = CliRun.of("chart", "--input", in.toString(), "--out", out.toString());
        assertEquals(ExitCode.BAD_DATA, run.exitCode(), run::toString);
        assertTrue(run.err().contains("series.csv:11: column 'open'"), run::toString);
        assertFalse(Files.exists(out));
    }

    @Test
    void anUnknownImageExtensionIsAUsageErrorNamingTheFile(@TempDir Path dir) {
        Path out = dir.resolve("chart.jpg");
        CliRun run = CliRun.of("chart", "--out", out.toString());
        assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("chart.jpg") && run.err().contains(".png or .svg"), run::toString);
        assertFalse(Files.exists(out));
    }

    @Test
    void anUnknownIndicatorIsAUsageError(@TempDir Path dir) {
        CliRun run = CliRun.of("chart", "--indicators", "nosuch(3)", "--out", dir.resolve("c.png").toString());
        assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
        assertTrue(run.err().contains("nosuch"), run::toString);
    }
}
