package dev.candela.training;

import dev.candela.spi.Column;
import dev.candela.spi.FeatureTable;
import dev.candela.spi.TrainingListener;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainedModelTest {
    private static final Map<String, Object> MLP = Map.of(
            "threads", 2,
            "model", Map.of("layers", List.of(Map.of("size", 8), Map.of("size", 4)), "batchSize", 32,
                    "learningRate", 0.01),
            "fit", Map.of("maxEpochs", 2, "patience", 2),
            "buckets", Map.of("count", 3),
            "baseline", Map.of("enabled", false));

    private static final FeatureTable TABLE = TestTables.learnable(1200, 4, 5);

    @Test
    void positionsReproduceTheRunsOwnOutOfSampleTradingEvaluation(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        TrainingListener.RunEnded end = Runs.train(TABLE, MLP, run, false, new TrainingListener() { });
        // A copy of the run as it stood after bucket 1: its model is the one evaluated out of sample on bucket 2.
        Path earlier = copyUpToBucket(run, dir.resolve("earlier"), 2);
        TrainedModel model = TrainedModel.load(earlier);
        assertEquals(1, model.bucket());
        assertEquals(TABLE.featureNames(), model.featureNames());
        assertEquals(3, model.classCount());

        BucketPlan.Bucket bucket2 = BucketPlan.plan(TABLE, model.settings()).get(2);
        int[] rows = bucket2.allRows();
        int[] all = model.positions(TABLE);
        double[] positions = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            positions[i] = model.position(TABLE, rows[i]);
            assertEquals(all[rows[i]], positions[i], "row " + rows[i]);
        }
        Map<String, Double> metrics = end.buckets().get(2).metrics();
        BacktestResult replay = new Backtest(TABLE.horizon(), model.settings().evaluation().feeRate())
                .run(TABLE, rows, positions);
        assertEquals(metrics.get("trade.totalReturn"), replay.totalReturn());
        assertEquals(metrics.get("trade.sharpe"), replay.sharpe());
        assertEquals(metrics.get("trade.maxDrawdown"), replay.maxDrawdown());
        assertEquals(metrics.get("trade.trades"), replay.trades());
        assertTrue(replay.trades() > 0, "the replayed signal trades");

        // Independently: the checkpoint's network on the normalised rows, argmax mapped down/flat/up -> -1/0/+1.
        Pair<MultiLayerNetwork, NormalizerStandardize> saved = RunFolder.readModel(new RunFolder(earlier).checkpoint(1));
        DataSet data = Datasets.of(TABLE, rows, model.settings().model());
        saved.getSecond().preProcess(data);
        INDArray out = saved.getFirst().output(data.getFeatures(), false);
        double[][] probabilities = model.probabilities(TABLE);
        for (int i = 0; i < rows.length; i++) {
            double[] p = out.getRow(i).toDoubleVector();
            int argmax = p[0] >= p[1] && p[0] >= p[2] ? 0 : p[1] >= p[2] ? 1 : 2;
            assertEquals(argmax - 1, positions[i], "row " + rows[i]);
            assertArrayEquals(p, probabilities[rows[i]], 1e-6, "row " + rows[i]);
        }
    }

    @Test
    void lstmReadsWindowsAndGivesNaNBeforeTheFirstFullWindow(@TempDir Path dir) throws Exception {
        Map<String, Object> lstm = Map.of("threads", 2,
                "model", Map.of("type", "lstm", "window", 5, "layers", List.of(Map.of("size", 6)), "batchSize", 32),
                "fit", Map.of("maxEpochs", 1, "patience", 1),
                "buckets", Map.of("count", 2),
                "baseline", Map.of("enabled", false));
        Path run = dir.resolve("lstm");
        FeatureTable table = TestTables.learnable(600, 3, 9);
        Runs.train(table, lstm, run, false, new TrainingListener() { });
        TrainedModel model = TrainedModel.load(run);
        assertEquals(4, model.firstRow());
        double[][] all = model.probabilities(table);
        for (int r = 0; r < 4; r++) {
            for (double p : all[r]) {
                assertTrue(Double.isNaN(p), "row " + r + " has no full window");
            }
        }
        IllegalArgumentException early = assertThrows(IllegalArgumentException.class, () -> model.position(table, 3));
        assertTrue(early.getMessage().contains("first row the LSTM can read is 4"), early.getMessage());
        int[] positions = model.positions(table);
        for (int r = 4; r < table.rowCount(); r += 37) {
            double[] single = model.probabilities(table, r);
            assertArrayEquals(all[r], single, 1e-6, "row " + r);
            assertEquals(1.0, single[0] + single[1] + single[2], 1e-5);
            int argmax = single[0] >= single[1] && single[0] >= single[2] ? 0 : single[1] >= single[2] ? 1 : 2;
            assertEquals(argmax - 1, model.position(table, r));
            assertEquals(argmax - 1, positions[r]);
        }
        // The window ending at row r is rows r-4..r: changing row r-5 leaves the output alone, row r-4 does not.
        int r = 300;
        double[] base = model.probabilities(table, r);
        assertArrayEquals(base, model.probabilities(changedAt(table, r - 5), r), 0.0);
        assertTrue(!java.util.Arrays.equals(base, model.probabilities(changedAt(table, r - 4), r)));
    }

    @Test
    void regressionPositionIsTheSignOfTheForecast(@TempDir Path dir) throws Exception {
        Map<String, Object> regression = Map.of("threads", 2,
                "model", Map.of("task", "regression", "layers", List.of(Map.of("size", 6)), "batchSize", 32),
                "fit", Map.of("maxEpochs", 1, "patience", 1),
                "buckets", Map.of("count", 2),
                "baseline", Map.of("enabled", false));
        Path run = dir.resolve("regression");
        Runs.train(TABLE, regression, run, false, new TrainingListener() { });
        TrainedModel model = TrainedModel.load(run);
        assertThrows(IllegalStateException.class, () -> model.probabilities(TABLE, 0));
        int[] positions = model.positions(TABLE);
        for (int r = 0; r < TABLE.rowCount(); r += 29) {
            assertEquals((int) Math.signum(model.forecast(TABLE, r)), model.position(TABLE, r));
            assertEquals(model.position(TABLE, r), positions[r]);
        }
    }

    @Test
    void loadFailsNamingTheFileWhenNoBucketFinishedOrTheCheckpointIsMissing(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        Runs.train(TABLE, MLP, run, false, new TrainingListener() { });

        Path none = copyUpToBucket(run, dir.resolve("none"), 0);
        Files.delete(none.resolve(RunFolder.PROGRESS));
        NoSuchFileException noBucket = assertThrows(NoSuchFileException.class, () -> TrainedModel.load(none));
        assertTrue(noBucket.getMessage().contains(RunFolder.PROGRESS), noBucket.getMessage());
        assertTrue(noBucket.getMessage().contains("no finished bucket"), noBucket.getMessage());

        Path lost = copyUpToBucket(run, dir.resolve("lost"), 3);
        Path checkpoint = new RunFolder(lost).checkpoint(2);
        Files.delete(checkpoint);
        NoSuchFileException missing = assertThrows(NoSuchFileException.class, () -> TrainedModel.load(lost));
        assertTrue(missing.getMessage().contains(checkpoint.toString()), missing.getMessage());

        NoSuchFileException empty = assertThrows(NoSuchFileException.class,
                () -> TrainedModel.load(Files.createDirectories(dir.resolve("empty"))));
        assertTrue(empty.getMessage().contains(RunFolder.CONFIG), empty.getMessage());
    }

    @Test
    void aTableWithOtherColumnsIsRejectedNamingTheFirstDifference(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        Runs.train(TABLE, MLP, run, false, new TrainingListener() { });
        TrainedModel model = TrainedModel.load(run);
        FeatureTable renamed = renamed(TABLE, List.of("f0", "f1", "g2", "f3"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.position(renamed, 10));
        assertTrue(e.getMessage().contains("column 2 is 'g2', the model expects 'f2'"), e.getMessage());
        FeatureTable shorter = TestTables.learnable(50, 3, 1);
        IllegalArgumentException fewer = assertThrows(IllegalArgumentException.class,
                () -> model.probabilities(shorter));
        assertTrue(fewer.getMessage().contains("first missing: 'f3'"), fewer.getMessage());
    }

    @Test
    void resumeOnATableWithOtherColumnsIsRejectedNamingTheColumn(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        Runs.train(TABLE, MLP, run, false, new TrainingListener() { });
        Path partial = copyUpToBucket(run, dir.resolve("partial"), 1);
        FeatureTable renamed = renamed(TABLE, List.of("f0", "f1", "g2", "f3"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Runs.train(renamed, MLP, partial, true, new TrainingListener() { }));
        assertTrue(e.getMessage().contains("column 2 is 'g2'") && e.getMessage().contains(RunFolder.FEATURES),
                e.getMessage());
    }

    /** A copy of {@code run} whose progress lists only its first {@code buckets} buckets. */
    private static Path copyUpToBucket(Path run, Path copy, int buckets) throws IOException {
        try (Stream<Path> files = Files.walk(run)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(run.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        RunFolder folder = new RunFolder(copy);
        folder.writeProgress(folder.readProgress().subList(0, buckets), Map.of());
        return copy;
    }

    private static FeatureTable changedAt(FeatureTable table, int row) {
        return new Delegate(table, table.featureNames()) {
            @Override
            public Column feature(int index) {
                Column original = table.feature(index);
                double[] values = new double[table.rowCount()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = original.get(i) + (i == row ? 5.0 : 0.0);
                }
                return Column.of(values);
            }
        };
    }

    private static FeatureTable renamed(FeatureTable table, List<String> names) {
        return new Delegate(table, names);
    }

    private static class Delegate implements FeatureTable {
        private final FeatureTable table;
        private final List<String> names;

        Delegate(FeatureTable table, List<String> names) {
            this.table = table;
            this.names = names;
        }

        @Override
        public int rowCount() {
            return table.rowCount();
        }

        @Override
        public List<String> featureNames() {
            return names;
        }

        @Override
        public long timestamp(int row) {
            return table.timestamp(row);
        }

        @Override
        public Column feature(int index) {
            return table.feature(index);
        }

        @Override
        public int classCount() {
            return table.classCount();
        }

        @Override
        public int classLabel(int row) {
            return table.classLabel(row);
        }

        @Override
        public Column forwardReturns() {
            return table.forwardReturns();
        }

        @Override
        public int horizon() {
            return table.horizon();
        }
    }
}
