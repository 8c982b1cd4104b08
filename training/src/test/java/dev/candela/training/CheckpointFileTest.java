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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
        long bytes = new RunFolder(dir).writeModel(file, RunFolder.ModelSnapshot.of(network, normalizer));
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

    @Test
    void aSnapshotKeepsTheStateOfItsMomentAndReadsLikeModelSerializersOwnFile(@TempDir Path dir) throws Exception {
        TrainingSettings settings = TrainingSettings.fromMap(Map.of("model",
                Map.of("type", "lstm", "window", 4, "layers", List.of(Map.of("size", 5)), "batchSize", 16)));
        var table = TestTables.learnable(120, 3, 8);
        DataSet data = Datasets.of(table, java.util.stream.IntStream.range(3, 120).toArray(), settings.model());
        NormalizerStandardize normalizer = new NormalizerStandardize();
        normalizer.fit(data);
        MultiLayerNetwork network = Networks.create(settings.model(), 3, 3, 9);
        for (DataSet batch : data.batchBy(16)) {
            network.fit(batch);
        }
        RunFolder.ModelSnapshot snapshot = RunFolder.ModelSnapshot.of(network, normalizer);
        MultiLayerNetwork then = network.clone();
        Path reference = dir.resolve("reference.zip");
        org.deeplearning4j.util.ModelSerializer.writeModel(network, reference.toFile(), true);
        for (DataSet batch : data.batchBy(16)) {
            network.fit(batch);   // the network moves on after the snapshot
        }
        Path file = dir.resolve("checkpoint.zip");
        new RunFolder(dir).writeModel(file, snapshot);
        MultiLayerNetwork read = RunFolder.readModel(file).getFirst();
        MultiLayerNetwork serializer = org.deeplearning4j.util.ModelSerializer.restoreMultiLayerNetwork(
                reference.toFile(), true);
        assertEquals(then.params(), read.params());
        assertEquals(serializer.params(), read.params());
        assertEquals(serializer.getUpdater().getStateViewArray(), read.getUpdater().getStateViewArray());
        assertEquals(serializer.getLayerWiseConfigurations(), read.getLayerWiseConfigurations());
        assertEquals(then.getIterationCount(), read.getIterationCount());
        assertNotEquals(network.params(), read.params());
    }
}
