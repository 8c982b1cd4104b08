package dev.candela.visualization.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingRunReaderTest {

    @Test
    void readsEveryBucketEpochTransferAndTheSummaryOfACompletedRun() throws Exception {
        TrainingRun run = TrainingRunReader.read(RunFixtures.sampleRun());
        assertEquals("sample-eurusd", run.runId());
        assertEquals("progressive", run.trainer());
        assertEquals(TrainingRun.Status.COMPLETED, run.status());
        assertEquals(5, run.bucketCount());
        assertEquals(List.of(0, 1, 2, 3, 4), run.buckets().stream().map(TrainingRun.Bucket::index).toList());
        assertEquals(List.of(6, 4, 4, 4, 4), run.buckets().stream().map(b -> b.epochs().size()).toList());
        assertEquals(5, run.endedBuckets());
        assertEquals(4, run.transfers().size());
        assertEquals(1, run.transfers().get(0).toBucket());
        assertEquals("full", run.transfers().get(0).mode());
        TrainingRun.Bucket first = run.bucket(0).orElseThrow();
        assertEquals(1577836800000L, first.fromMillis());
        assertEquals(1700, first.trainRows());
        assertEquals(430, first.validationRows());
        assertEquals(1.023, first.epochs().get(0).trainLoss());
        assertEquals(0.4, first.epochs().get(0).metrics().get("accuracy"));
        assertEquals(Path.of("buckets/000/checkpoint.zip"), first.checkpoints().get(0).path());
        // null in the file is how a writer spells NaN
        assertTrue(Double.isNaN(first.metric("oos.accuracy")));
        assertTrue(Double.isNaN(run.bucket(2).orElseThrow().epochs().get(1).validationLoss()));
        assertEquals(0.44, run.bucket(2).orElseThrow().metric("oos.accuracy"));
        assertEquals(0.445, run.summary().get("oos.accuracy"));
    }

    @Test
    void ignoresAnIncompleteLastLineLeftByAKilledRun(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>(RunFixtures.sampleEvents().subList(0, 20));
        lines.add("{\"type\":\"epoch-ended\",\"event\":{\"bucket\":2,\"ep");
        TrainingRun run = TrainingRunReader.read(RunFixtures.runWith(dir, lines));
        assertEquals(TrainingRun.Status.RUNNING, run.status());
        TrainingRun complete = TrainingRunReader.read(RunFixtures.runWith(dir.resolve("b"), lines.subList(0, 20)));
        assertEquals(complete, run);
    }

    @Test
    void rejectsABrokenLineInTheMiddleNamingFileAndLine(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>(RunFixtures.sampleEvents());
        lines.set(6, "{\"type\":\"epoch-ended\",\"event\":{\"bucket\":0,");
        Path run = RunFixtures.runWith(dir, lines);
        RunDataException e = assertThrows(RunDataException.class, () -> TrainingRunReader.read(run));
        assertEquals(7, e.line());
        assertTrue(e.getMessage().startsWith(run.resolve("events.jsonl") + ":7: not valid JSON"), e.getMessage());
    }

    @Test
    void rejectsAValueOfTheWrongTypeNamingTheKey(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>(RunFixtures.sampleEvents().subList(0, 3));
        lines.add("{\"type\":\"epoch-ended\",\"event\":{\"bucket\":\"zero\",\"epoch\":1,\"trainLoss\":1,"
                + "\"validationLoss\":1,\"metrics\":{},\"elapsedNanos\":1}}");
        lines.add(lines.get(2));
        Path run = RunFixtures.runWith(dir, lines);
        RunDataException e = assertThrows(RunDataException.class, () -> TrainingRunReader.read(run));
        assertEquals(4, e.line());
        assertEquals("event.bucket", e.key());
        assertTrue(e.getMessage().contains(":4: key 'event.bucket': expected an integer, got \"zero\""), e.getMessage());
    }

    @Test
    void namesAMetricThatIsNotANumber(@TempDir Path dir) throws Exception {
        List<String> lines = List.of("{\"type\":\"bucket-ended\",\"event\":{\"bucket\":0,\"epochs\":3,"
                + "\"metrics\":{\"oos.accuracy\":\"high\"}}}", "");
        RunDataException e = assertThrows(RunDataException.class,
                () -> TrainingRunReader.read(RunFixtures.runWith(dir, lines)));
        assertEquals("event.metrics.oos.accuracy", e.key());
        assertEquals(1, e.line());
    }

    @Test
    void ignoresUnknownPropertiesAndEventTypes(@TempDir Path dir) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String line : RunFixtures.sampleEvents()) {
            lines.add(line.replace("{\"type\":", "{\"writer\":\"v2\",\"type\":").replace("\"event\":{",
                    "\"event\":{\"extra\":[1,2],"));
        }
        lines.add(3, "{\"type\":\"learning-rate-changed\",\"event\":{\"bucket\":0,\"rate\":0.01}}");
        TrainingRun run = TrainingRunReader.read(RunFixtures.runWith(dir, lines));
        assertEquals(TrainingRunReader.read(RunFixtures.sampleRun()), run);
    }

    @Test
    void aResumedRunKeepsOnlyTheLatestAttemptOfAnInterruptedBucket(@TempDir Path dir) throws Exception {
        List<String> sample = RunFixtures.sampleEvents();
        // The first run dies in bucket 2 after one epoch; the resumed run starts bucket 2 again.
        int bucket2 = indexOf(sample, "\"type\":\"bucket-started\",\"event\":{\"bucket\":2");
        List<String> lines = new ArrayList<>(sample.subList(0, bucket2 + 3));
        lines.add("{\"type\":\"run-started\",\"event\":{\"runId\":\"sample-eurusd\",\"trainer\":\"progressive\","
                + "\"bucketCount\":5,\"firstBucket\":2,\"epochMillis\":1763990000000}}");
        lines.addAll(sample.subList(bucket2, sample.size()));
        TrainingRun run = TrainingRunReader.read(RunFixtures.runWith(dir, lines));
        TrainingRun uninterrupted = TrainingRunReader.read(RunFixtures.sampleRun());
        assertEquals(uninterrupted.buckets(), run.buckets());
        assertEquals(uninterrupted.transfers(), run.transfers());
        assertEquals(1763900000000L, run.startedMillis());
    }

    @Test
    void aMissingEventsFileIsReportedAsMissing(@TempDir Path dir) {
        assertThrows(NoSuchFileException.class, () -> TrainingRunReader.read(dir));
    }

    @Test
    void readsTheRunsConfigurationAndNamesTheLineOfBadJson(@TempDir Path dir) throws Exception {
        assertEquals("progressive", TrainingRunReader.readConfig(RunFixtures.sampleRun()).orElseThrow()
                .get("trainer").asText());
        assertTrue(TrainingRunReader.readConfig(dir).isEmpty());
        Files.writeString(dir.resolve("config.json"), "{\n  \"a\": 1,\n  \"b\": ]\n}");
        RunDataException e = assertThrows(RunDataException.class, () -> TrainingRunReader.readConfig(dir));
        assertEquals(3, e.line());
    }

    private static int indexOf(List<String> lines, String needle) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return i;
            }
        }
        throw new AssertionError("no line with " + needle);
    }
}
