package dev.candela.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candela.cli.CandelaCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each bundled example runs through its documented command, on small data. */
class RunnableExamplesTest {

    private record Run(int code, String out, String err) {
    }

    private static Run candela(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CandelaCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void longSeriesDrawsAChartOfTheRequestedSizeFromFarMorePointsThanPixels(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("long.png");
        Run run = candela("example", "long-series", "--points", "300000", "--width", "640", "--height", "360",
                "--out", png.toString());
        assertEquals(0, run.code, run.err + run.out);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(640, image.getWidth());
        assertEquals(360, image.getHeight());
        assertTrue(run.out.contains("series: 300,000 points"), run.out);
        assertTrue(run.out.contains("drawn: at most 640 points"), run.out);
    }

    @Test
    void theSpikesOfTheLongSeriesAreItsExtremes() {
        double[] time = new double[60_000];
        double[] price = new double[60_000];
        LongSeriesChart.randomWalkWithSpikes(time, price, 42);
        int max = 0;
        int min = 0;
        for (int i = 1; i < price.length; i++) {
            max = price[i] > price[max] ? i : max;
            min = price[i] < price[min] ? i : min;
        }
        assertTrue(max % 10_000 == 0 && min % 10_000 == 0, "extremes at spikes: " + max + ", " + min);
    }

    @Test
    void resourcesWritesAReportWithSamplesHardwareAndTheProfiledWorkload(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("resources.json");
        Run run = candela("example", "resources", "--seconds", "1", "--interval-ms", "100", "--out", json.toString());
        assertEquals(0, run.code, run.err + run.out);
        assertTrue(run.out.startsWith("hardware: "), run.out);
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertEquals("candela-optimizer-report", report.get("schema").asText());
        assertTrue(report.at("/resources/samples").size() >= 2, "background samples plus the final one");
        assertTrue(report.at("/hardware/logicalCores").asInt() >= 1);
        boolean indicatorsProfiled = false;
        for (JsonNode section : report.get("profile")) {
            indicatorsProfiled |= section.get("name").asText().equals("indicator:rsi") && section.get("calls").asLong() > 0;
        }
        assertTrue(indicatorsProfiled, report.get("profile").toString());
    }

    @Test
    void trainingPrintsEachBucketAndAProfileOfTheTrainingSteps(@TempDir Path dir) throws Exception {
        Path config = java.nio.file.Files.writeString(dir.resolve("small.json"), """
                {"features": {"indicators": "rsi(14)", "lags": [1]}, "model": {"layers": [{"size": 4}]},
                 "fit": {"maxEpochs": 2, "patience": 1}, "buckets": {"count": 3}}
                """);
        Path run = dir.resolve("run");
        Run result = candela("example", "training", "--bars", "4000", "--train-config", config.toString(), "--out", run.toString());
        assertEquals(0, result.code, result.err + result.out);
        assertEquals(3, result.out.lines().filter(l -> l.startsWith("bucket ")).count(), result.out);
        for (String section : new String[] {"training.fit", "training.evaluate", "features.compute", "indicator:rsi"}) {
            assertTrue(result.out.lines().anyMatch(l -> l.startsWith(section + " ")), section + "\n" + result.out);
        }
        JsonNode report = new ObjectMapper().readTree(run.resolve("profile.json").toFile());
        assertEquals("candela-optimizer-report", report.get("schema").asText());
    }

    @Test
    void strategyTrainsOnHistoryThenTradesArrivingBarsAgainstTheModelAloneAndBuyAndHold(@TempDir Path dir)
            throws Exception {
        Path config = java.nio.file.Files.writeString(dir.resolve("small.json"), """
                {"features": {"indicators": "rsi(14)", "lags": [1]}, "model": {"layers": [{"size": 4}]},
                 "fit": {"maxEpochs": 2, "patience": 1}, "buckets": {"count": 2}}
                """);
        Path run = dir.resolve("model");
        Run first = candela("example", "strategy", "--bars", "5000", "--train-config", config.toString(),
                "--out", run.toString());
        assertEquals(0, first.code, first.err + first.out);
        assertTrue(first.out.contains("training on 3,500 bars of history"), first.out);
        assertTrue(first.out.contains("restored from JSON at bar 4,250"), first.out);
        for (String line : new String[] {"model + trend + rsi filter", "model alone", "buy and hold"}) {
            assertTrue(first.out.lines().anyMatch(l -> l.startsWith(line)), line + "\n" + first.out);
        }
        // Reusing the trained run gives the same backtest: the signal depends on the model and the data only.
        Run again = candela("example", "strategy", "--bars", "5000", "--run", run.toString());
        assertEquals(0, again.code, again.err + again.out);
        assertEquals(tail(first.out), tail(again.out));
    }

    private static String tail(String out) {
        return out.substring(out.indexOf("live: "));
    }

    @Test
    void exampleWithoutANameListsTheExamples() {
        Run run = candela("example");
        assertEquals(2, run.code);
        assertTrue(run.err.contains("strategy") && run.err.contains("training") && run.err.contains("long-series") && run.err.contains("resources"), run.err);
    }
}
