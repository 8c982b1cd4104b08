package dev.candela.training;

import dev.candela.spi.FeatureTable;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Datasets value by value against the feature table they come from. */
class DatasetsTest {
    private static final int[] ROWS = {9, 4, 30, 31, 17};

    private static TrainingSettings.Model model(String type, String task) {
        return TrainingSettings.fromMap(Map.of("model", Map.of("type", type, "task", task, "window", 3,
                "layers", List.of(Map.of("size", 4))))).model();
    }

    @Test
    void mlpExamplesAreTheRowsFeaturesWithOneHotClasses() {
        FeatureTable table = TestTables.learnable(40, 3, 5);
        DataSet data = Datasets.of(table, ROWS, model("mlp", "classification"));
        assertArrayEquals(new long[] {5, 3}, data.getFeatures().shape());
        assertEquals(DataType.FLOAT, data.getFeatures().dataType());
        assertEquals('c', data.getFeatures().ordering());
        for (int i = 0; i < ROWS.length; i++) {
            for (int c = 0; c < 3; c++) {
                assertEquals((float) table.feature(c).get(ROWS[i]), data.getFeatures().getFloat(i, c), "example " + i);
            }
            for (int k = 0; k < table.classCount(); k++) {
                assertEquals(k == table.classLabel(ROWS[i]) ? 1f : 0f, data.getLabels().getFloat(i, k));
            }
        }
    }

    @Test
    void lstmExamplesAreWindowsEndingAtTheRowAndRegressionLabelsTheForwardReturn() {
        FeatureTable table = TestTables.learnable(40, 3, 5);
        DataSet data = Datasets.of(table, ROWS, model("lstm", "regression"));
        assertArrayEquals(new long[] {5, 3, 3}, data.getFeatures().shape());
        assertArrayEquals(new long[] {5, 1}, data.getLabels().shape());
        for (int i = 0; i < ROWS.length; i++) {
            for (int c = 0; c < 3; c++) {
                for (int t = 0; t < 3; t++) {
                    assertEquals((float) table.feature(c).get(ROWS[i] - 2 + t), data.getFeatures().getFloat(i, c, t),
                            "example " + i + " feature " + c + " step " + t);
                }
            }
            assertEquals((float) table.forwardReturns().get(ROWS[i]), data.getLabels().getFloat(i, 0));
        }
    }
}
