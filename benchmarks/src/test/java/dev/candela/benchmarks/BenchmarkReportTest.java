package dev.candela.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchmarkReportTest {
    private static final String SINGLE = "dev.candela.benchmarks.SingleSeriesBenchmark";
    private static final String BATCH = "dev.candela.benchmarks.BatchBenchmark";

    /** One result as JMH 1.37 writes it with -rf json, trimmed to the fields JMH always writes. */
    private static String result(String benchmark, String indicator, String implementation, String score,
                                 String error, String unit) {
        String params = indicator == null ? ""
                : "\"params\" : { \"implementation\" : \"" + implementation + "\", \"indicator\" : \"" + indicator
                + "\" },";
        return "{ \"jmhVersion\" : \"1.37\", \"benchmark\" : \"" + benchmark + "\", \"mode\" : \"avgt\","
                + " \"threads\" : 1, \"forks\" : 1, " + params
                + " \"primaryMetric\" : { \"score\" : " + score + ", \"scoreError\" : " + error + ","
                + " \"scoreConfidence\" : [ 0, 0 ], \"scoreUnit\" : \"" + unit + "\", \"rawData\" : [ [ 1.0 ] ] },"
                + " \"secondaryMetrics\" : { } }";
    }

    private static String json(String... results) {
        return "[\n" + String.join(",\n", results) + "\n]\n";
    }

    private static List<String> lines(String text) {
        return text.lines().toList();
    }

    @Test
    void rendersSingleSeriesRowWithRatiosAgainstTaLibAndTa4j() {
        String report = BenchmarkReport.markdown(JmhScore.parse(json(
                result(SINGLE + ".compute", "rsi", "candela", "2.0", "0.1", "ns/op"),
                result(SINGLE + ".compute", "rsi", "talib", "2.5", "0.2", "ns/op"),
                result(SINGLE + ".compute", "rsi", "ta4j", "150.0", "5.0", "ns/op"),
                result(SINGLE + ".compute", "rsi", "memory-floor", "0.5", "0.01", "ns/op"))));

        // 2.0 / 2.5 = 0.80 (Candela faster than TA-Lib); 150 / 2.0 = 75 times faster than ta4j.
        String row = "| rsi(14) | 2.00 ± 0.10 | 2.50 ± 0.20 | 0.80 | 150 ± 5 | 75.0× | 0.50 ± 0.01 |";
        assertTrue(lines(report).contains(row), report);
        assertTrue(lines(report).contains(
                "| indicator | Candela | TA-Lib | Candela / TA-Lib | ta4j | ta4j / Candela | memory floor |"), report);
        assertTrue(report.startsWith("### One series: 1,000,000 bars, one thread"), report);
    }

    @Test
    void ordersIndicatorsAsComparedNotAsInFileAndDashesWhatWasNotRun() {
        String report = BenchmarkReport.markdown(JmhScore.parse(json(
                result(SINGLE + ".compute", "macd", "candela", "4.0", "\"NaN\"", "ns/op"),
                result(SINGLE + ".compute", "rsi", "talib", "3.0", "\"NaN\"", "ns/op"))));

        List<String> lines = lines(report);
        int rsi = lines.indexOf("| rsi(14) | – | 3.00 | – | – | – | – |");
        int macd = lines.indexOf("| macd(12,26,9) | 4.00 | – | – | – | – | – |");
        assertTrue(rsi > 0 && macd > rsi, report);
    }

    @Test
    void rendersBatchRatiosAndTwoThreadSpeedUp() {
        String report = BenchmarkReport.markdown(JmhScore.parse(json(
                result(BATCH + ".compute", "ema", "candela", "1.5", "\"NaN\"", "ns/op"),
                result(BATCH + ".compute", "ema", "candela-engine-1t", "2.4", "\"NaN\"", "ns/op"),
                result(BATCH + ".compute", "ema", "candela-engine-2t", "1.2", "\"NaN\"", "ns/op"),
                result(BATCH + ".compute", "ema", "talib", "3.0", "\"NaN\"", "ns/op"),
                result(BATCH + ".compute", "ema", "memory-floor", "0.6", "\"NaN\"", "ns/op"),
                result(BATCH + ".arraycopy", null, null, "0.25", "0.01", "ns/op"))));

        // 1.5 / 3.0 = 0.50, 1.2 / 3.0 = 0.40, engine 2.4 / 1.2 = 2 times faster on two threads.
        assertTrue(lines(report).contains("| ema(20) | 1.50 | 1.20 | 3.00 | 0.50 | 0.40 | 2.40 | 2.00× | 0.60 |"),
                report);
        assertTrue(lines(report).contains("System.arraycopy of every close: 0.25 ± 0.01 ns per bar and symbol."),
                report);
        assertTrue(report.startsWith("### Batch: 1,000 symbols × 10,000 bars"), report);
        assertFalse(report.contains("One series"), report);
    }

    @Test
    void convertsMicrosecondScoresToNanoseconds() {
        List<JmhScore> scores = JmhScore.parse(json(
                result(SINGLE + ".compute", "sma", "candela", "0.0035", "0.0001", "us/op")));

        assertEquals(3.5, scores.get(0).nanos(), 1e-12);
        assertEquals(0.1, scores.get(0).errorNanos(), 1e-12);
        assertEquals("SingleSeriesBenchmark.compute", scores.get(0).simpleName());
        assertEquals("sma", scores.get(0).param("indicator"));
    }

    @Test
    void rejectsThroughputScores() {
        String throughput = json(result(SINGLE + ".compute", "sma", "candela", "0.3", "0.01", "ops/ns"));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JmhScore.parse(throughput));
        assertTrue(e.getMessage().contains("ops/ns"), e.getMessage());
    }

    @Test
    void rejectsTextThatIsNotAJsonArrayOfResults() {
        assertThrows(IllegalArgumentException.class, () -> JmhScore.parse("{\"benchmark\": \"x\"}"));
        assertThrows(IllegalArgumentException.class, () -> JmhScore.parse("Benchmark  Mode  Cnt  Score"));
    }

    @Test
    void saysSoWhenNoCandelaBenchmarkIsInTheResults() {
        String report = BenchmarkReport.markdown(JmhScore.parse(json(
                result("org.example.OtherBenchmark.run", null, null, "1.0", "0.1", "ns/op"))));

        assertEquals("No results of SingleSeriesBenchmark or BatchBenchmark.\n", report);
    }
}
