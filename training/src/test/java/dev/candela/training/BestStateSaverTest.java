package dev.candela.training;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The saver's best model against DL4J's own copy of a network, {@code clone()}, taken at the same moment. */
class BestStateSaverTest {
    private static final TrainingSettings.Model MODEL = TrainingSettings.fromMap(Map.of("model",
            Map.of("layers", List.of(Map.of("size", 6)), "batchSize", 16, "learningRate", 0.01))).model();
    private static final DataSet DATA = Datasets.of(TestTables.learnable(160, 3, 4), IntStream.range(0, 160).toArray(),
            MODEL);

    private static void epoch(MultiLayerNetwork network) {
        for (DataSet batch : DATA.batchBy(16)) {
            network.fit(batch);
        }
        network.incrementEpochCount();
    }

    @Test
    void theBestModelIsTheNetworkAsItWasWhenSavedAndTrainsOnLikeTheClone() {
        MultiLayerNetwork network = Networks.create(MODEL, 3, 3, 5);
        BestStateSaver saver = new BestStateSaver(() -> { });
        epoch(network);
        saver.saveBestModel(network, 1.0);
        epoch(network);
        saver.saveBestModel(network, 0.9);   // overwrites the first copy in place
        MultiLayerNetwork clone = network.clone();
        epoch(network);                      // worse epochs: not saved
        epoch(network);
        assertNotEquals(clone.params(), network.params());

        MultiLayerNetwork best = saver.getBestModel();
        assertSame(network, best, "the trained network itself, put back in its best state");
        assertEquals(clone.params(), best.params());
        assertEquals(clone.getUpdater().getStateViewArray(), best.getUpdater().getStateViewArray());
        assertEquals(clone.getIterationCount(), best.getIterationCount());
        assertEquals(clone.getEpochCount(), best.getEpochCount());
        // Adam's step depends on the iteration count and its moments: training on gives the clone's result.
        epoch(clone);
        epoch(best);
        assertEquals(clone.params(), best.params());
    }

    @Test
    void nothingSavedGivesNoModelAndOneSaverServesOneNetwork() {
        BestStateSaver saver = new BestStateSaver(() -> { });
        assertNull(saver.getBestModel());
        assertNull(saver.getLatestModel());
        saver.saveBestModel(Networks.create(MODEL, 3, 3, 5), 1.0);
        assertThrows(IllegalStateException.class, () -> saver.saveBestModel(Networks.create(MODEL, 3, 3, 6), 0.5));
    }
}
