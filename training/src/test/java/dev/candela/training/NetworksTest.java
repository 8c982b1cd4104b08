package dev.candela.training;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.conf.layers.wrapper.BaseWrapperLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Adam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class NetworksTest {

    /** The learning rate of every trainable layer's weights and biases, wrapped layers unwrapped. */
    private static List<Double> rates(MultiLayerNetwork network) {
        List<Double> rates = new ArrayList<>();
        for (NeuralNetConfiguration conf : network.getLayerWiseConfigurations().getConfs()) {
            Layer layer = conf.getLayer();
            if (layer instanceof FrozenLayer) {
                continue;
            }
            if (layer instanceof BaseWrapperLayer wrapper) {
                layer = wrapper.getUnderlying();
            }
            BaseLayer base = (BaseLayer) layer;
            rates.add(((Adam) base.getIUpdater()).getLearningRate());
            rates.add(((Adam) (base.getBiasUpdater() == null ? base.getIUpdater() : base.getBiasUpdater()))
                    .getLearningRate());
        }
        return rates;
    }

    private static int updaterBlocks(MultiLayerNetwork network) {
        return ((BaseMultiLayerUpdater<?>) network.getUpdater()).getUpdaterBlocks().size();
    }

    @Test
    void theDecayedRateReachesEveryLayerOfATransferredLstmIncludingTheWrappedLastOne() {
        TrainingSettings settings = TrainingSettings.fromMap(Map.of("model", Map.of("type", "lstm", "window", 4,
                "layers", List.of(Map.of("size", 6), Map.of("size", 5)), "learningRate", 0.004)));
        MultiLayerNetwork fresh = Networks.create(settings.model(), 3, 3, 1);
        assertEquals(List.of(0.004, 0.004, 0.004, 0.004, 0.004, 0.004), rates(fresh));
        assertEquals(1, updaterBlocks(fresh));

        MultiLayerNetwork once = Networks.transferred(fresh, settings, 0.002, 2);
        assertEquals(List.of(0.002, 0.002, 0.002, 0.002, 0.002, 0.002), rates(once));
        assertEquals(1, updaterBlocks(once), "one rate everywhere: one updater block, as for a new network");
        MultiLayerNetwork twice = Networks.transferred(once, settings, 0.001, 3);
        assertEquals(List.of(0.001, 0.001, 0.001, 0.001, 0.001, 0.001), rates(twice));
        assertEquals(fresh.params(), twice.params(), "transfer keeps the weights");
    }

    @Test
    void frozenLayersKeepNoUpdaterAndTheRestTakeTheDecayedRate() {
        Map<String, Object> config = Map.of("model", Map.of("type", "lstm", "window", 4,
                "layers", List.of(Map.of("size", 6), Map.of("size", 5)), "learningRate", 0.004),
                "transfer", Map.of("frozenLayers", 1));
        TrainingSettings settings = TrainingSettings.fromMap(config);
        MultiLayerNetwork next = Networks.transferred(Networks.create(settings.model(), 3, 3, 1), settings, 0.002, 2);
        assertInstanceOf(FrozenLayer.class, next.getLayerWiseConfigurations().getConf(0).getLayer());
        assertEquals(List.of(0.002, 0.002, 0.002, 0.002), rates(next));
    }
}
