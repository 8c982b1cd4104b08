package dev.candela.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candela.core.registry.PluginRegistry;
import dev.candela.gpu.Nd4jThreads;
import org.nd4j.common.primitives.Pair;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.factory.Nd4j;
import dev.candela.spi.FeatureTable;
import dev.candela.spi.Profiler;
import dev.candela.spi.Trainer;
import dev.candela.spi.TrainingListener;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressiveTrainerTest {

    private static final Map<String, Object> TINY = Map.of(
            "threads", 2,
            "model", Map.of("layers", List.of(Map.of("size", 8, "dropout", 0.2), Map.of("size", 4)),
                    "batchSize", 32, "learningRate", 0.01),
            "fit", Map.of("maxEpochs", 3, "patience", 2),
            "buckets", Map.of("count", 3));

    private static final FeatureTable TABLE = TestTables.learnable(1200, 4, 5);

    @Test
    void sameSeedAndDataGiveIdenticalParametersAndMetrics(@TempDir Path dir) throws Exception {
        TrainingListener.RunEnded a = Runs.train(TABLE, TINY, dir.resolve("a"), false, new TrainingListener() { });
        TrainingListener.RunEnded b = Runs.train(TABLE, TINY, dir.resolve("b"), false, new TrainingListener() { });
        assertEquals(a.buckets(), b.buckets());
        assertEquals(a.summary(), b.summary());
        for (int k = 0; k < 3; k++) {
            assertEquals(Runs.checkpoint(dir.resolve("a"), k).params(), Runs.checkpoint(dir.resolve("b"), k).params());
        }
        Map<String, Object> otherSeed = new java.util.HashMap<>(TINY);
        otherSeed.put("seed", 7);
        Runs.train(TABLE, otherSeed, dir.resolve("c"), false, new TrainingListener() { });
        assertNotEquals(Runs.checkpoint(dir.resolve("a"), 2).params(), Runs.checkpoint(dir.resolve("c"), 2).params());
    }

    @Test
    void fitsWithTheConfiguredMatrixAndOperationThreads(@TempDir Path dir) throws Exception {
        for (int[] counts : new int[][] {{2, 1}, {1, 2}}) {
            Map<String, Object> config = new java.util.HashMap<>(TINY);
            config.put("threads", counts[0]);
            config.put("opThreads", counts[1]);
            List<Nd4jThreads.Settings> seen = new ArrayList<>();
            Runs.train(TABLE, config, dir.resolve("run" + counts[0]), false, new TrainingListener() {
                @Override
                public void onEpochEnd(EpochEnded e) {
                    seen.add(Nd4jThreads.current());
                }
            });
            assertFalse(seen.isEmpty());
            for (Nd4jThreads.Settings settings : seen) {
                assertEquals(counts[0], settings.blasThreads(), settings.toString());
                assertEquals(counts[1], settings.ompThreads(), settings.toString());
            }
        }
    }

    @Test
    void outOfSampleMetricsAreTheLastBucketsCheckpointsOnThisBucketsRows(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        TrainingListener.RunEnded end = Runs.train(TABLE, TINY, run, false, new TrainingListener() { });
        TrainingSettings settings = TrainingSettings.fromMap(TINY);
        List<BucketPlan.Bucket> plan = BucketPlan.plan(TABLE, settings);
        RunFolder folder = new RunFolder(run);
        for (int k = 1; k < plan.size(); k++) {
            DataSet train = Datasets.of(TABLE, plan.get(k).trainRows(), settings.model());
            DataSet validation = Datasets.of(TABLE, plan.get(k).validationRows(), settings.model());
            for (String prefix : List.of("oos.", "baseline.oos.")) {
                Pair<MultiLayerNetwork, NormalizerStandardize> saved = RunFolder.readModel(
                        prefix.startsWith("baseline") ? folder.baseline(k - 1) : folder.checkpoint(k - 1));
                DataSet rows = new DataSet(Nd4j.vstack(train.getFeatures(), validation.getFeatures()),
                        Nd4j.vstack(train.getLabels(), validation.getLabels()));
                saved.getSecond().preProcess(rows);
                INDArray out = saved.getFirst().output(rows.getFeatures(), false);
                Evaluation evaluation = new Evaluation(TABLE.classCount());
                evaluation.eval(rows.getLabels(), out);
                Map<String, Double> metrics = end.buckets().get(k).metrics();
                assertEquals(evaluation.accuracy(), metrics.get(prefix + "accuracy"), 1e-12, prefix + k);
                assertEquals(evaluation.f1(), metrics.get(prefix + "f1"), 1e-12, prefix + k);
                assertEquals(ValidationScore.dataLoss(out, rows.getLabels(), true), metrics.get(prefix + "loss"), 1e-9,
                        prefix + k);
            }
        }
    }

    @Test
    void eventLogFollowsTheContractAndMatchesTheListener(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        List<String> seen = new ArrayList<>();
        TrainingListener.RunEnded end = Runs.train(TABLE, TINY, run, false, new TrainingListener() {
            @Override
            public void onBucketEnd(BucketEnded e) {
                seen.add("bucket-ended");
            }

            @Override
            public void onCheckpoint(CheckpointWritten e) {
                seen.add("checkpoint-written");
            }
        });
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("events.jsonl"))) {
            lines.add(json.readTree(line));
        }
        assertEquals("run-started", lines.get(0).get("type").asText());
        JsonNode started = lines.get(0).get("event");
        assertEquals("progressive", started.get("trainer").asText());
        assertEquals(3, started.get("bucketCount").asInt());
        assertEquals(0, started.get("firstBucket").asInt());
        List<String> checkpointsAndEnds = lines.stream().map(l -> l.get("type").asText())
                .filter(t -> t.equals("bucket-ended") || t.equals("checkpoint-written")).toList();
        assertEquals(seen, checkpointsAndEnds);
        JsonNode checkpoint = lines.stream().filter(l -> l.get("type").asText().equals("checkpoint-written"))
                .findFirst().orElseThrow().get("event");
        assertEquals("buckets/000/checkpoint.zip", checkpoint.get("path").asText());
        assertEquals(Files.size(run.resolve("buckets/000/checkpoint.zip")), checkpoint.get("bytes").asLong());
        long transfers = lines.stream().filter(l -> l.get("type").asText().equals("transfer-done")).count();
        assertEquals(2, transfers);
        JsonNode epoch = lines.stream().filter(l -> l.get("type").asText().equals("epoch-ended")).findFirst()
                .orElseThrow().get("event");
        for (String key : List.of("bucket", "epoch", "trainLoss", "validationLoss", "metrics", "elapsedNanos")) {
            assertTrue(epoch.has(key), key);
        }
        JsonNode last = lines.get(lines.size() - 1);
        assertEquals("run-ended", last.get("type").asText());
        assertTrue(last.get("event").get("completed").asBoolean());
        assertEquals(3, last.get("event").get("buckets").size());
        // Bucket 0 has no model to evaluate out of sample yet; later buckets do, next to the baseline.
        assertFalse(end.buckets().get(0).metrics().containsKey("oos.accuracy"));
        for (String key : List.of("oos.accuracy", "oos.precision", "oos.recall", "oos.f1", "oos.loss", "val.accuracy",
                "trade.totalReturn", "trade.sharpe", "trade.maxDrawdown", "trade.trades", "buyhold.totalReturn",
                "baseline.oos.accuracy", "epochsToConverge", "baseline.epochsToConverge")) {
            assertTrue(end.buckets().get(1).metrics().containsKey(key), key);
        }
        JsonNode summary = json.readTree(run.resolve("summary.json").toFile());
        assertTrue(summary.get("completed").asBoolean());
        assertEquals(end.summary().get("oos.accuracy"), summary.get("summary").get("oos.accuracy").asDouble());
        JsonNode config = json.readTree(run.resolve("config.json").toFile());
        assertEquals(32, config.get("model").get("batchSize").asInt());
    }

    @Test
    void frozenLayersKeepTheFirstBucketsWeights(@TempDir Path dir) throws Exception {
        Map<String, Object> frozen = new java.util.HashMap<>(TINY);
        frozen.put("transfer", Map.of("frozenLayers", 1));
        Path run = dir.resolve("run");
        Runs.train(TABLE, frozen, run, false, new TrainingListener() { });
        MultiLayerNetwork first = Runs.checkpoint(run, 0);
        MultiLayerNetwork last = Runs.checkpoint(run, 2);
        assertEquals(first.getLayer(0).params(), last.getLayer(0).params(), "the frozen input layer is unchanged");
        assertNotEquals(first.getLayer(1).params(), last.getLayer(1).params(), "the next layer kept learning");
    }

    @Test
    void shortMemoryTakesTheParametersOnlyPathAndSaysSo(@TempDir Path dir) throws Exception {
        // Off-heap room for the lean transfer only: 2 * params + updater, not 2 * (params + updater).
        MemoryGauge tight = () -> {
            long params = (4 * 8 + 8 + 8 * 4 + 4 + 4 * 3 + 3) * 4L;
            return new MemoryGauge.Reading(1L << 30, (long) ((2 * params + 2 * params) * 2.0) + 1, OptionalLong.empty());
        };
        List<String> modes = new ArrayList<>();
        new ProgressiveTrainer(Profiler.disabled(), tight).train(new Trainer.Request(TABLE, TINY, dir.resolve("run"),
                false), new TrainingListener() {
                    @Override
                    public void onTransfer(TransferDone e) {
                        modes.add(e.mode());
                    }
                });
        assertEquals(List.of("parameters-only", "parameters-only"), modes);
    }

    @Test
    void noMemoryForAnyTransferStopsAfterTheCheckpointedBucket(@TempDir Path dir) throws Exception {
        MemoryGauge none = () -> new MemoryGauge.Reading(1L << 30, 0, OptionalLong.empty());
        Path run = dir.resolve("run");
        assertThrows(IllegalStateException.class, () -> new ProgressiveTrainer(Profiler.disabled(), none)
                .train(new Trainer.Request(TABLE, TINY, run, false), new TrainingListener() { }));
        assertTrue(Files.isRegularFile(run.resolve("buckets/000/checkpoint.zip")), "bucket 0 is kept");
        JsonNode summary = new ObjectMapper().readTree(run.resolve("summary.json").toFile());
        assertFalse(summary.get("completed").asBoolean());
        assertEquals(1, summary.get("buckets").size());
    }

    @Test
    void aCheckpointThatCannotBeWrittenStopsTheRunAtTheLastOneOnDiskAndResumeFinishesIt(@TempDir Path dir)
            throws Exception {
        Path run = dir.resolve("run");
        Path blocked = run.resolve("buckets/001");
        Files.createDirectories(blocked.getParent());
        Files.writeString(blocked, "a file where bucket 1's folder should go");
        List<Integer> checkpoints = new ArrayList<>();
        TrainingListener recorder = new TrainingListener() {
            @Override
            public void onCheckpoint(CheckpointWritten e) {
                checkpoints.add(e.bucket());
            }
        };
        IOException failure = assertThrows(IOException.class, () -> Runs.train(TABLE, TINY, run, false, recorder));
        assertTrue(String.valueOf(failure.getMessage()).contains("001"), String.valueOf(failure.getMessage()));
        assertEquals(List.of(0), checkpoints);
        assertFalse(Files.exists(run.resolve("buckets/002/checkpoint.zip")), "nothing is written after the failure");
        JsonNode progress = new ObjectMapper().readTree(run.resolve("progress.json").toFile());
        assertEquals(1, progress.get("finishedBuckets").asInt());
        JsonNode summary = new ObjectMapper().readTree(run.resolve("summary.json").toFile());
        assertFalse(summary.get("completed").asBoolean());
        assertEquals(1, summary.get("buckets").size());

        Files.delete(blocked);
        checkpoints.clear();
        TrainingListener.RunEnded resumed = Runs.train(TABLE, TINY, run, true, recorder);
        assertEquals(List.of(1, 2), checkpoints);
        TrainingListener.RunEnded whole = Runs.train(TABLE, TINY, dir.resolve("whole"), false,
                new TrainingListener() { });
        assertEquals(whole.summary(), resumed.summary());
        assertEquals(Runs.checkpoint(dir.resolve("whole"), 2).params(), Runs.checkpoint(run, 2).params());
    }

    @Test
    void aFolderWithARunIsNotOverwrittenAndResumeChecksTheConfiguration(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        Runs.train(TABLE, TINY, run, false, new TrainingListener() { });
        assertThrows(IllegalArgumentException.class, () -> Runs.train(TABLE, TINY, run, false, new TrainingListener() { }));
        Map<String, Object> other = new java.util.HashMap<>(TINY);
        other.put("seed", 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Runs.train(TABLE, other, run, true, new TrainingListener() { }));
        assertTrue(e.getMessage().contains("seed"), e.getMessage());
    }

    @Test
    void lstmRegressionTrainsOnWindows(@TempDir Path dir) throws Exception {
        Map<String, Object> lstm = Map.of("threads", 2,
                "model", Map.of("type", "lstm", "task", "regression", "window", 4,
                        "layers", List.of(Map.of("size", 4)), "batchSize", 32),
                "fit", Map.of("maxEpochs", 2, "patience", 1),
                "buckets", Map.of("count", 2));
        TrainingListener.RunEnded end = Runs.train(TestTables.learnable(500, 3, 2), lstm, dir.resolve("run"), false,
                new TrainingListener() { });
        assertTrue(end.completed());
        double accuracy = end.buckets().get(1).metrics().get("oos.accuracy");
        assertTrue(accuracy >= 0 && accuracy <= 1, "direction hit rate " + accuracy);
        assertEquals(4, Runs.checkpoint(dir.resolve("run"), 1).getLayerWiseConfigurations().getConf(0).getLayer()
                .getClass() == org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep.class ? 4 : -1);
    }

    @Test
    void lstmTransferWithDecayedLearningRateKeepsTheUpdaterStateAligned(@TempDir Path dir) throws Exception {
        Map<String, Object> lstm = Map.of("threads", 2,
                "model", Map.of("type", "lstm", "window", 4, "layers", List.of(Map.of("size", 8)),
                        "batchSize", 32),
                "fit", Map.of("maxEpochs", 2, "patience", 2, "shuffle", false),
                "buckets", Map.of("count", 2), "baseline", Map.of("enabled", false));
        List<String> modes = new ArrayList<>();
        TrainingListener.RunEnded end = Runs.train(TestTables.learnable(600, 3, 4), lstm, dir.resolve("run"), false,
                new TrainingListener() {
                    @Override
                    public void onTransfer(TransferDone e) {
                        modes.add(e.mode());
                    }
                });
        // A state copied into another layout fed Adam's first moments in as second moments: NaN at once.
        assertTrue(Double.isFinite(end.buckets().get(1).metrics().get("oos.loss")));
        assertTrue(Double.isFinite(end.buckets().get(1).metrics().get("val.loss")));
        assertEquals(List.of("full"), modes);
    }

    @Test
    void thePluginRegistersTheProgressiveTrainer() {
        PluginRegistry registry = PluginRegistry.load(getClass().getClassLoader());
        assertTrue(registry.trainer("progressive") instanceof ProgressiveTrainer);
    }

    @Test
    void batchSizeControlHalvesDownToTheMinimum() {
        ProgressiveTrainer trainer = new ProgressiveTrainer();
        assertEquals(64, trainer.batchSizeControl().batchSize());
        assertEquals(32, trainer.batchSizeControl().reduce());
        assertEquals(16, trainer.batchSizeControl().reduce());
        assertEquals(8, trainer.batchSizeControl().reduce());
        assertFalse(trainer.batchSizeControl().canReduce());
        assertEquals(8, trainer.batchSizeControl().reduce());
    }
}
