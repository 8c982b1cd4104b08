package dev.candela.visualization.dashboard;

import dev.candela.visualization.run.RunFixtures;
import dev.candela.visualization.run.TrainingRun;
import dev.candela.visualization.run.TrainingRunReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DashboardTest {

    @Test
    void showsOneRowPerBucketWithItsMetrics() throws Exception {
        String html = Dashboard.ofRunDirectory(RunFixtures.sampleRun(), null).html();
        for (int b = 0; b < RunFixtures.SAMPLE_BUCKETS; b++) {
            assertEquals(1, count(html, "<tr data-bucket=\"" + b + "\""), "bucket " + b);
        }
        assertEquals(RunFixtures.SAMPLE_BUCKETS, count(html, "<tr data-bucket="));
        assertTrue(html.contains("<th>oos.accuracy</th><th>baseline.oos.accuracy</th>"));
        // bucket 0's oos.accuracy is null in the file: shown as a dash, not as 0
        Matcher row0 = Pattern.compile("<tr data-bucket=\"0\"[^>]*>(.*?)</tr>").matcher(html);
        assertTrue(row0.find());
        assertTrue(row0.group(1).contains("<td>\u2014</td>"));
        assertTrue(html.contains("data-status=\"completed\""));
    }

    @Test
    void includesTheOptimizersSuggestionsProfileAndResourcesEscaped() throws Exception {
        String html = Dashboard.ofRunDirectory(RunFixtures.sampleRun(), null).html();
        assertTrue(html.contains("training.fit takes 60% of the wall time"));
        assertTrue(html.contains("Raise the batch size or use the GPU backend"));
        assertTrue(html.contains("indicators.compute &lt;rsi&gt;"));
        assertFalse(html.contains("indicators.compute <rsi>"));
        assertTrue(html.contains("id=\"resources\""));
        assertTrue(html.contains("memory-cleanup"));
        assertTrue(html.contains("heap 91% &gt; 85%"));
    }

    @Test
    void isSelfContainedWithUniqueIdsAcrossItsCharts() throws Exception {
        String html = Dashboard.ofRunDirectory(RunFixtures.sampleRun(), null).html();
        for (String external : List.of("rel=\"stylesheet\"", " src=", "@import", "url(http", "href=\"http", "href='http")) {
            assertFalse(html.contains(external), "refers outside the file: " + external);
        }
        List<String> charts = List.of("chart-training", "chart-accuracy", "chart-trading", "chart-profile",
                "chart-resources");
        for (String chart : charts) {
            assertEquals(1, count(html, "<svg id='" + chart + "'") + count(html, "<svg id=\"" + chart + "\""), chart);
        }
        Matcher id = Pattern.compile("\\sid=['\"]([^'\"]+)['\"]").matcher(html);
        Set<String> ids = new HashSet<>();
        while (id.find()) {
            assertTrue(ids.add(id.group(1)), "duplicate id " + id.group(1));
        }
    }

    @Test
    void aRunWithoutReportOrConfigLeavesThoseSectionsOut(@TempDir Path dir) throws Exception {
        Files.copy(RunFixtures.sampleRun().resolve("events.jsonl"), dir.resolve("events.jsonl"));
        String html = Dashboard.ofRunDirectory(dir, null).html();
        assertFalse(html.contains("id=\"suggestions\""));
        assertFalse(html.contains("id=\"profile\""));
        assertFalse(html.contains("id=\"configuration\""));
        assertEquals(RunFixtures.SAMPLE_BUCKETS, count(html, "<tr data-bucket="));
    }

    @Test
    void marksABucketInProgressAsTrainingWhileTheRunGoesOnAndInterruptedOnceItStopped(@TempDir Path dir)
            throws Exception {
        List<String> events = RunFixtures.sampleEvents();
        List<String> running = new java.util.ArrayList<>(events.subList(0, 20));
        Files.write(dir.resolve("events.jsonl"), running);
        String html = Dashboard.ofRunDirectory(dir, null).html();
        assertTrue(html.contains("<tr data-bucket=\"2\" class=\"training\"><td>2</td><td>training</td>"), html);
        running.add("{\"type\":\"run-ended\",\"event\":{\"runId\":\"sample-eurusd\",\"runDirectory\":\"x\","
                + "\"buckets\":[],\"summary\":{},\"completed\":false}}");
        Files.write(dir.resolve("events.jsonl"), running);
        html = Dashboard.ofRunDirectory(dir, null).html();
        assertTrue(html.contains("<td>2</td><td>interrupted</td>"));
        assertTrue(html.contains("data-status=\"stopped\""));
    }

    @Test
    void aRunThatHasNotStartedABucketSaysSo() {
        TrainingRun empty = new dev.candela.visualization.run.TrainingRunRecorder().snapshot();
        String html = Dashboard.builder(empty).generatedAt(Instant.EPOCH).build().html();
        assertTrue(html.contains("No bucket has started yet."));
        assertTrue(html.contains("data-status=\"waiting\""));
    }

    @Test
    void writesTheFileAtomically(@TempDir Path dir) throws Exception {
        Dashboard dashboard = Dashboard.builder(TrainingRunReader.read(RunFixtures.sampleRun()))
                .generatedAt(Instant.parse("2026-11-23T15:00:00Z")).build();
        Path out = dir.resolve("site/dashboard.html");
        dashboard.write(out);
        assertEquals(dashboard.html(), Files.readString(out));
        try (var files = Files.list(out.getParent())) {
            assertEquals(1, files.count());
        }
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }
}
