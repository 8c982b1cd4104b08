package dev.candela.training;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointFileTest {

    @Test
    void checkpointRestoresParametersUpdaterStateAndNormaliserExactly(@TempDir Path dir) throws Exception {
        TrainingSettings settings = TrainingSettings.fromMap(Map.of("model",
                Map.of("layers", List.of(Map.of("size", 6)), "batchSize", 16)));
        var table = TestTables.learnable(200, 3, 2);
        DataSet data = Datasets.of(table, java.util.stream.IntStream.range(0, 200).toArray(), settings.model());
        NormalizerStandardize normalizer = new NormalizerStandardize();
        normalizer.fit(data);
        normalizer.preProcess(data);
        MultiLayerNetwork network = Networks.create(settings.model(), 3, 3, 7);
        for (DataSet batch : data.batchBy(16)) {
            network.fit(batch);   // Adam's moments become non-zero
        }
        Path file = dir.resolve("buckets/000/checkpoint.zip");
        long bytes = new RunFolder(dir).writeModel(file, network, normalizer);
        assertEquals(Files.size(file), bytes);
        try (var names = Files.list(file.getParent())) {
            assertEquals(List.of(file), names.toList(), "no temporary file is left");
        }
        Pair<MultiLayerNetwork, NormalizerStandardize> read = RunFolder.readModel(file);
        assertEquals(network.params(), read.getFirst().params());
        assertTrue(network.getUpdater().getStateViewArray().sumNumber().doubleValue() != 0);
        assertEquals(network.getUpdater().getStateViewArray(), read.getFirst().getUpdater().getStateViewArray());
        assertEquals(normalizer.getMean(), read.getSecond().getMean());
        assertEquals(normalizer.getStd(), read.getSecond().getStd());
        assertEquals(network.output(data.getFeatures()), read.getFirst().output(data.getFeatures()));
    }
}
