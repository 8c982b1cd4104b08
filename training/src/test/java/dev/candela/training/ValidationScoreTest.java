package dev.candela.training;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The validation score against DL4J's own {@code score}, which early stopping used before. */
class ValidationScoreTest {

    private static void check(String type, String task) {
        TrainingSettings.Model model = TrainingSettings.fromMap(Map.of("model", Map.of("type", type, "task", task,
                "window", 4, "layers", List.of(Map.of("size", 6)), "batchSize", 16, "l2", 0.01))).model();
        DataSet data = Datasets.of(TestTables.learnable(150, 3, 6), IntStream.range(3, 150).toArray(), model);
        MultiLayerNetwork network = Networks.create(model, 3, 3, 11);
        for (DataSet batch : data.batchBy(16)) {
            network.fit(batch);
        }
        boolean classification = task.equals("classification");
        ValidationScore score = new ValidationScore(data, classification, 40);   // 147 rows: 4 chunks
        double dl4j = network.score(data, false);
        double ours = score.calculateScore(network);
        assertEquals(dl4j, ours, 1e-5 * Math.abs(dl4j), type + " " + task);
        assertNotEquals(ours, ValidationScore.dataLoss(network.output(data.getFeatures(), false), data.getLabels(),
                classification), "the L2 penalty is part of the score");
        assertEquals(network.output(data.getFeatures(), false), ValidationScore.outputs(network, data.getFeatures(), 40));
    }

    @Test
    void equalsDl4jsScoreWithItsL2PenaltyForEveryModelAndTask() {
        check("mlp", "classification");
        check("mlp", "regression");
        check("lstm", "classification");
        check("lstm", "regression");
    }

    @Test
    void keepsTheOutputsOfTheEpochMarkedBest() {
        TrainingSettings.Model model = TrainingSettings.fromMap(Map.of("model",
                Map.of("layers", List.of(Map.of("size", 4)), "batchSize", 16))).model();
        DataSet data = Datasets.of(TestTables.learnable(60, 3, 2), IntStream.range(0, 60).toArray(), model);
        MultiLayerNetwork network = Networks.create(model, 3, 3, 3);
        ValidationScore score = new ValidationScore(data, true, 1024);
        score.calculateScore(network);
        assertNull(score.bestOutputs());
        score.keepLatestAsBest();
        INDArray kept = score.bestOutputs();
        assertEquals(network.output(data.getFeatures(), false), kept);
        network.fit(data);
        score.calculateScore(network);   // a later, unmarked epoch
        assertSame(kept, score.bestOutputs());
    }

    @Test
    void anEvaluationPassHoldsTheWidestLayerWithinItsBudgetOfValues() {
        // 2^22 values per pass: / 81 inputs (wider than layers 32 and 16) = 51,781 MLP rows ...
        assertEquals(51_781, ProgressiveRun.evaluationRows(model("mlp", 16, 32, 16), 81));
        // ... / (81 x 16 time steps) = 3,236 LSTM rows; a layer of 512 is wider than the input: / (512 x 16) = 512.
        assertEquals(3_236, ProgressiveRun.evaluationRows(model("lstm", 16, 32, 16), 81));
        assertEquals(512, ProgressiveRun.evaluationRows(model("lstm", 16, 512), 81));
        assertEquals(256, ProgressiveRun.evaluationRows(model("lstm", 64, 4096), 81), "never fewer than 256");
    }

    private static TrainingSettings.Model model(String type, int window, int... sizes) {
        return TrainingSettings.fromMap(Map.of("model", Map.of("type", type, "window", window, "layers",
                IntStream.of(sizes).mapToObj(size -> Map.of("size", size)).toList()))).model();
    }
}
