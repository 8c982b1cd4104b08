package dev.candela.training;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpdaterStateCopyTest {

    @Test
    void everyParametersMomentsArriveWhenTheDecayedLearningRateRearrangesTheBlocks() {
        for (String type : List.of("mlp", "lstm")) {
            TrainingSettings s = TrainingSettings.fromMap(Map.of("model", Map.of("type", type, "window", 3,
                    "layers", List.of(Map.of("size", 6), Map.of("size", 4)))));
            int[] rows = new int[120];
            Arrays.setAll(rows, i -> i + 5);
            DataSet data = Datasets.of(TestTables.learnable(200, 3, 9), rows, s.model());
            MultiLayerNetwork trained = Networks.create(s.model(), 3, 3, 1);
            trained.fit(data);
            trained.fit(data);
            MultiLayerNetwork next = Networks.transferred(trained, s, 0.0003, 2);
            next.getUpdater().getStateViewArray().assign(0);
            assertTrue(ProgressiveRun.copyUpdaterState(trained, next), type);
            INDArray source = trained.getUpdater().getStateViewArray();
            INDArray target = next.getUpdater().getStateViewArray();
            // Each parameter's moments move once, so the multiset of state values is the same.
            double[] a = source.toDoubleVector();
            double[] b = target.toDoubleVector();
            Arrays.sort(a);
            Arrays.sort(b);
            assertArrayEquals(a, b, 0.0, type);
            assertTrue(Arrays.stream(b).anyMatch(v -> v != 0), type + ": the state is not empty");
        }
    }
}
