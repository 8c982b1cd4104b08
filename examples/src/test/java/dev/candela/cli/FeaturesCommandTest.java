package dev.candela.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeaturesCommandTest {
    private static final long T0 = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();

    /** Hourly candles from 2024-01-01T00:00Z with a random walk of closes; returns the closes. */
    private static double[] writeHours(Path file, int bars, int... skippedHours) throws IOException {
        StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
        Random rnd = new Random(3);
        double close = 100;
        double[] closes = new double[bars];
        int row = 0;
        for (int h = 0; row < bars; h++) {
            double open = close;
            close = Math.round(open * (1 + 0.01 * rnd.nextGaussian()) * 100) / 100.0;
            if (contains(skippedHours, h)) {
                continue;
            }
            closes[row++] = close;
            csv.append(Instant.ofEpochSecond(T0 + 3600L * h)).append(',').append(open).append(',')
                    .append(Math.max(open, close) + 0.5).append(',').append(Math.min(open, close) - 0.5).append(',')
                    .append(close).append(',').append(10 + rnd.nextInt(90)).append('\n');
        }
        Files.writeString(file, csv);
        return closes;
    }

    private static boolean contains(int[] values, int v) {
        for (int x : values) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    private static double field(String line, int index) {
        String f = line.split(",", -1)[index];
        return f.isEmpty() ? Double.NaN : Double.parseDouble(f);
    }

    @Test
    void writesTimestampThenFeaturesAndLabelsMatchingAHandMerge(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("h.csv");
        double[] close = writeHours(in, 60);
        Path out = dir.resolve("f.csv");
        CliRun run = CliRun.of("features", "--input", in.toString(), "--timeframes", "1h,4h", "--indicators", "sma(3)",
                "--lags", "1", "--label", "fwd-return:2", "--flat-band", "0.001", "--out", out.toString());
        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = Files.readAllLines(out);
        assertEquals("timestamp,1h:sma(3),1h:sma(3)@lag1,4h:sma(3),4h:sma(3)@lag1,fwd-return(2),class(2)", lines.get(0));

        // 4h closes are the closes of hours 3, 7, 11, ...; a 4h value appears on the hour that closes with it.
        double[] close4h = new double[15];
        for (int c = 0; c < close4h.length; c++) {
            close4h[c] = close[4 * c + 3];
        }
        // 4h sma(3) of candle c is known from hour 4c + 3; its lag is one hour earlier. The first complete row
        // needs 4h sma of candle 2 one hour back: hour 11 + 1 = 12.
        assertEquals(Instant.ofEpochSecond(T0 + 12 * 3600L) + ",", lines.get(1).substring(0, 21));
        assertEquals(60 - 12 - 2 + 1, lines.size(), "warm-up rows 0..11 and the last 2 rows are dropped");
        for (int r = 1; r < lines.size(); r++) {
            String line = lines.get(r);
            int h = 12 + r - 1;
            assertEquals((close[h - 2] + close[h - 1] + close[h]) / 3, field(line, 1), 1e-9, line);
            assertEquals((close[h - 3] + close[h - 2] + close[h - 1]) / 3, field(line, 2), 1e-9, line);
            assertEquals(sma3Of4h(close4h, (h - 3) / 4), field(line, 3), 1e-9, line);
            assertEquals(sma3Of4h(close4h, (h - 4) / 4), field(line, 4), 1e-9, line);
            double fwd = close[h + 2] / close[h] - 1;
            assertEquals(fwd, field(line, 5), 1e-12, line);
            assertEquals(fwd < -0.001 ? 0 : fwd > 0.001 ? 2 : 1, field(line, 6), line);
        }
        assertTrue(run.out().contains("60 1h bars -> 46 rows x 4 features"), run.out());
        assertTrue(run.out().contains("dropped 12 warm-up rows, 0 incomplete rows, 2 rows without a label"), run.out());
    }

    /** The 4h sma(3) carried by a row whose newest closed 4h candle is {@code candle}. */
    private static double sma3Of4h(double[] close4h, int candle) {
        return (close4h[candle - 2] + close4h[candle - 1] + close4h[candle]) / 3;
    }

    @Test
    void multiOutputColumnsAreNamedAndQuoted(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("h.csv");
        writeHours(in, 400);
        Path out = dir.resolve("f.csv");
        CliRun run = CliRun.of("features", "--input", in.toString(), "--timeframes", "1h,4h", "--indicators",
                "rsi(14),macd(12,26,9)", "--weighted", "rsi(14)", "--weights", "1h=0.75,4h=0.25",
                "--normalize", "zscore", "--out", out.toString());
        assertEquals(0, run.exitCode(), run::toString);
        String header = Files.readAllLines(out).get(0);
        assertEquals("timestamp,1h:rsi(14),\"1h:macd(12,26,9).macd\",\"1h:macd(12,26,9).signal\","
                + "\"1h:macd(12,26,9).hist\",4h:rsi(14),\"4h:macd(12,26,9).macd\",\"4h:macd(12,26,9).signal\","
                + "\"4h:macd(12,26,9).hist\",mtf:rsi(14)", header);
    }

    @Test
    void badDataExitsThreeNamingFileAndLineAndWritesNothing(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("bad.csv");
        Files.writeString(in, "timestamp,open,high,low,close,volume\n2024-01-01T00:00:00Z,1,2,0.5,1.5,10\n"
                + "2024-01-01T01:00:00Z,1,0.2,0.5,1.5,10\n");
        Path out = dir.resolve("o.csv");
        CliRun run = CliRun.of("features", "--input", in.toString(), "--timeframes", "1h,4h", "--indicators",
                "rsi(14)", "--out", out.toString());
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.err().contains("bad.csv:3") && run.err().contains("high"), run.err());
        assertFalse(Files.exists(out), "no partial output");
    }

    @Test
    void usageErrorsExitTwo(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("h.csv");
        writeHours(in, 50);
        String out = dir.resolve("o.csv").toString();
        CliRun smaller = CliRun.of("features", "--input", in.toString(), "--timeframes", "30m,1h", "--indicators",
                "sma(3)", "--out", out);
        assertEquals(2, smaller.exitCode(), smaller::toString);
        assertTrue(smaller.err().contains("30m"), smaller.err());
        assertEquals(2, CliRun.of("features", "--input", in.toString(), "--indicators", "sma(3)", "--label", "up:3",
                "--out", out).exitCode());
        assertEquals(2, CliRun.of("features", "--input", in.toString(), "--indicators", "sma(3)", "--weighted",
                "sma(3)", "--out", out).exitCode());
        CliRun unknown = CliRun.of("features", "--input", in.toString(), "--indicators", "smaa(3)", "--out", out);
        assertEquals(2, unknown.exitCode(), unknown::toString);
        assertTrue(unknown.err().contains("did you mean"), unknown.err());
        assertEquals(2, CliRun.of("features", "--input", in.toString(), "--indicators", "sma(3)").exitCode(),
                "--out is required");
        assertFalse(Files.exists(dir.resolve("o.csv")));
    }
}
