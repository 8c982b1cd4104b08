package dev.candela.cli;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;
import dev.candela.core.csv.OhlcvCsvReader;
import dev.candela.core.data.OhlcvSeries;
import dev.candela.spi.PriceField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndicatorsCommandTest {

    /** A gap-free hourly series written as CSV, so the test does not need the shared data folder. */
    private static Path writeSeries(Path dir, int bars) throws IOException {
        StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
        double close = 100;
        java.util.Random rnd = new java.util.Random(11);
        for (int i = 0; i < bars; i++) {
            double open = close;
            close = Math.max(1, open * (1 + 0.01 * rnd.nextGaussian()));
            double high = Math.max(open, close) * (1 + 0.003 * rnd.nextDouble());
            double low = Math.min(open, close) * (1 - 0.003 * rnd.nextDouble());
            csv.append(Instant.ofEpochSecond(1_700_000_000L / 3600 * 3600 + 3600L * i)).append(',')
                    .append(open).append(',').append(high).append(',').append(low).append(',').append(close)
                    .append(',').append(10 + rnd.nextInt(100)).append('\n');
        }
        Path in = dir.resolve("series.csv");
        Files.writeString(in, csv);
        return in;
    }

    private static double[] column(List<String> lines, int index) {
        double[] out = new double[lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            String field = lines.get(i).split(",", -1)[index];
            out[i - 1] = field.isEmpty() ? Double.NaN : Double.parseDouble(field);
        }
        return out;
    }

    private static void assertMatchesTaLib(double[] expectedPacked, MInteger begin, MInteger count, double[] actual) {
        for (int i = 0; i < actual.length; i++) {
            int k = i - begin.value;
            if (k < 0 || k >= count.value) {
                assertTrue(Double.isNaN(actual[i]), "bar " + i + " must be an empty field, was " + actual[i]);
            } else {
                double e = expectedPacked[k];
                assertEquals(e, actual[i], 1e-9 * Math.max(1, Math.abs(e)), "bar " + i);
            }
        }
    }

    @Test
    void writesOneColumnPerOutputMatchingTaLib(@TempDir Path dir) throws IOException {
        Path in = writeSeries(dir, 400);
        Path out = dir.resolve("ind.csv");
        CliRun run = CliRun.of("indicators", "--input", in.toString(), "--indicators",
                "rsi(14),macd(12,26,9),bbands(20,2)", "--out", out.toString(), "--explain");
        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = Files.readAllLines(out);
        assertEquals("timestamp,rsi(14),\"macd(12,26,9).macd\",\"macd(12,26,9).signal\",\"macd(12,26,9).hist\","
                + "\"bbands(20,2).upper\",\"bbands(20,2).middle\",\"bbands(20,2).lower\"", lines.get(0));
        assertEquals(401, lines.size());
        assertTrue(lines.get(1).startsWith(Instant.ofEpochSecond(1_700_000_000L / 3600 * 3600) + ",,"), lines.get(1));
        assertTrue(run.out().contains("rsi(14)") && run.out().contains("cpu"), run.out());

        OhlcvSeries s = OhlcvCsvReader.withDefaults().readSeries(in);
        double[] close = s.column(PriceField.CLOSE).toArray();
        Core core = new Core();
        MInteger b = new MInteger();
        MInteger n = new MInteger();
        double[] rsi = new double[close.length];
        core.rsi(0, close.length - 1, close, 14, b, n, rsi);
        assertMatchesTaLib(rsi, b, n, column(lines, 1));
        double[] macd = new double[close.length];
        double[] signal = new double[close.length];
        double[] hist = new double[close.length];
        core.macd(0, close.length - 1, close, 12, 26, 9, b, n, macd, signal, hist);
        assertMatchesTaLib(macd, b, n, column(lines, 2));
        assertMatchesTaLib(signal, b, n, column(lines, 3));
        assertMatchesTaLib(hist, b, n, column(lines, 4));
        double[] upper = new double[close.length];
        double[] middle = new double[close.length];
        double[] lower = new double[close.length];
        core.bbands(0, close.length - 1, close, 20, 2, 2, MAType.Sma, b, n, upper, middle, lower);
        assertMatchesTaLib(upper, b, n, column(lines, 5));
        assertMatchesTaLib(middle, b, n, column(lines, 6));
        assertMatchesTaLib(lower, b, n, column(lines, 7));
    }

    @Test
    void listShowsParametersDefaultsOutputsAndLookback() {
        CliRun run = CliRun.of("indicators", "--list");
        assertEquals(0, run.exitCode(), run::toString);
        String rsiLine = run.out().lines().filter(l -> l.startsWith("rsi ")).findFirst().orElseThrow();
        assertTrue(rsiLine.contains("period=14"), rsiLine);
        assertTrue(rsiLine.strip().endsWith("14"), "lookback of rsi(14) is 14: " + rsiLine);
        String macdLine = run.out().lines().filter(l -> l.startsWith("macd ")).findFirst().orElseThrow();
        assertTrue(macdLine.contains("macd, signal, hist"), macdLine);
        assertTrue(macdLine.strip().endsWith("33"), "lookback of macd(12,26,9) is 33: " + macdLine);
    }

    @Test
    void badDataExitsThreeAndWritesNothing(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("bad.csv");
        Files.writeString(in, "timestamp,open,high,low,close,volume\n2024-01-01T00:00:00Z,1,2,0.5,1.5,10\n"
                + "2024-01-01T01:00:00Z,1,2,0.5,NaN,10\n");
        Path out = dir.resolve("o.csv");
        CliRun run = CliRun.of("indicators", "--input", in.toString(), "--indicators", "rsi(14)", "--out", out.toString());
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.err().contains("bad.csv:3") && run.err().contains("close"), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void unknownIndicatorIsAUsageErrorWithSuggestions(@TempDir Path dir) {
        CliRun run = CliRun.of("indicators", "--indicators", "rsj(14)", "--out", dir.resolve("o.csv").toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("did you mean") && run.err().contains("rsi"), run.err());
    }

    @Test
    void withoutInputUsesTheEmbeddedSyntheticMarket(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("syn.csv");
        CliRun run = CliRun.of("indicators", "--indicators", "sma(5)", "--out", out.toString());
        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = Files.readAllLines(out);
        assertEquals("timestamp,sma(5)", lines.get(0));
        assertTrue(lines.size() > 1000);
        assertTrue(lines.get(4).split(",", -1)[1].isEmpty(), "bar 3 is inside the warm-up of sma(5)");
        assertFalse(lines.get(5).split(",", -1)[1].isEmpty(), "bar 4 is sma(5)'s first value");
    }
}
