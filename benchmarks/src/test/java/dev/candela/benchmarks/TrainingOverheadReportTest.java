package dev.candela.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingOverheadReportTest {

    private static String metric(String values) {
        return "{ \"score\" : 1.0, \"scoreError\" : \"NaN\", \"scoreUnit\" : \"#\", \"rawData\" : [ " + values + " ] }";
    }

    /** A paired result as JMH writes it: one fork's iterations per inner array, aux counters as secondaries. */
    private static String paired(String model, String plain, String evaluation, String progressive) {
        return paired(model, "\"threads\" : \"1\"", plain, evaluation, progressive);
    }

    private static String paired(String model, String threads, String plain, String evaluation, String progressive) {
        return "{ \"benchmark\" : \"dev.candela.benchmarks.TrainingBenchmark.paired\", \"mode\" : \"ss\","
                + " \"params\" : { \"model\" : \"" + model + "\", " + threads + ", \"epochs\" : \"3\" },"
                + " \"primaryMetric\" : { \"score\" : 3.0, \"scoreError\" : \"NaN\", \"scoreUnit\" : \"ms/op\","
                + " \"rawData\" : [ [ 3.0 ] ] }, \"secondaryMetrics\" : {"
                + " \"plainMillis\" : " + metric(plain) + ", \"plainWithEvaluationMillis\" : " + metric(evaluation)
                + ", \"progressiveMillis\" : " + metric(progressive) + " } }";
    }

    @Test
    void overheadsAreMediansOfPerIterationRatios() {
        // Iteration 3 ran on a slow machine on every side: its ratios are as good as the others'.
        String json = "[ " + paired("mlp", "[ 100, 100 ], [ 200 ]", "[ 100, 110 ], [ 200 ]",
                "[ 102, 110 ], [ 220 ]") + ", { \"benchmark\" : \"dev.candela.benchmarks.TrainingBenchmark.progressive\","
                + " \"params\" : { \"model\" : \"mlp\" }, \"primaryMetric\" : { \"score\" : 1.0 } } ]";
        List<TrainingOverheadReport.Paired> results = TrainingOverheadReport.parse(json);
        assertEquals(1, results.size(), "only paired results count");
        assertArrayEquals(new double[] {102, 110, 220}, results.get(0).progressive());
        String report = TrainingOverheadReport.markdown(results);
        // over plain + evaluation: +2 %, 0 %, +10 % -> median +2.0, quartiles +1.0 and +6.0
        assertTrue(report.contains("| +2.0 % (+1.0 to +6.0) |"), report);
        // over the plain loop: +2 %, +10 %, +10 % -> median +10.0, quartiles +6.0 and +10.0
        assertTrue(report.contains("| +10.0 % (+6.0 to +10.0) |"), report);
        // samples/s from the median progressive run, 110 ms: 9,576 / 0.110 s
        assertTrue(report.contains("| 87,055 |"), report);
    }

    @Test
    void opThreadsAreReportedAndDefaultToTheThreadsOfResultsThatPredateThem() {
        String json = "[ " + paired("mlp", "\"threads\" : \"2\", \"opThreads\" : \"1\"", "[ 1 ]", "[ 1 ]", "[ 1 ]")
                + ", " + paired("lstm", "\"threads\" : \"2\"", "[ 1 ]", "[ 1 ]", "[ 1 ]") + " ]";
        String report = TrainingOverheadReport.markdown(TrainingOverheadReport.parse(json));
        assertTrue(report.contains("| mlp | 4,000 x 16, 4 buckets | 3 | 2 | 1 | 1 |"), report);
        assertTrue(report.contains("| lstm | 4,000 x 16, 4 buckets | 3 | 2 | 2 | 1 |"), report);
    }

    @Test
    void throughputCountsTheTrainingRowsOfTheTableAndBucketsRun() {
        // 19,200 rows in 6 buckets of 3,200: 3,199 rows less 640 validation and 1 purged = 2,558 trained each.
        String json = "[ " + paired("mlp", "\"threads\" : \"2\", \"rows\" : \"19200\", \"features\" : \"81\","
                + " \"buckets\" : \"6\"", "[ 1000 ]", "[ 1000 ]", "[ 1000 ]") + " ]";
        String report = TrainingOverheadReport.markdown(TrainingOverheadReport.parse(json));
        assertTrue(report.contains("| mlp | 19,200 x 81, 6 buckets |"), report);
        String shuffled = "[ " + paired("mlp", "\"threads\" : \"2\", \"shuffle\" : \"true\"", "[ 1 ]", "[ 1 ]", "[ 1 ]")
                + " ]";
        assertTrue(TrainingOverheadReport.markdown(TrainingOverheadReport.parse(shuffled))
                .contains("| mlp | 4,000 x 16, 4 buckets, shuffled |"));
        // 6 x 2,558 x 3 epochs in 1 s
        assertTrue(report.contains("| 46,044 |"), report);
        assertEquals(6 * 2558, TrainingBenchmark.trainingRowsPerEpoch(19200, 6, false));
    }

    @Test
    void aPairedResultWithoutASideIsRejected() {
        String json = "[ { \"benchmark\" : \"x.TrainingBenchmark.paired\", \"params\" : { },"
                + " \"secondaryMetrics\" : { \"plainMillis\" : " + metric("[ 1 ]") + " } } ]";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingOverheadReport.parse(json));
        assertTrue(e.getMessage().contains("plainWithEvaluationMillis"), e.getMessage());
    }

    @Test
    void quantilesInterpolate() {
        assertEquals(2.5, TrainingOverheadReport.quantile(new double[] {1, 2, 3, 4}, 0.5));
        assertEquals(1.75, TrainingOverheadReport.quantile(new double[] {1, 2, 3, 4}, 0.25));
        assertEquals(7.0, TrainingOverheadReport.median(new double[] {9, 7, 1}));
    }
}
