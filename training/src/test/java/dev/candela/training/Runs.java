package dev.candela.training;

import dev.candela.spi.FeatureTable;
import dev.candela.spi.Trainer;
import dev.candela.spi.TrainingListener;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Small training runs shared by the tests, and the child process of the resume test. */
final class Runs {

    /** Six buckets of a tiny MLP that always runs its epochs, so that each bucket takes comparable work. */
    static final Map<String, Object> RESUMABLE = Map.of(
            "threads", 2,
            "model", Map.of("layers", List.of(Map.of("size", 16, "dropout", 0.1), Map.of("size", 8)),
                    "batchSize", 32, "learningRate", 0.01),
            "fit", Map.of("maxEpochs", 3, "patience", 3),
            "buckets", Map.of("count", 6));

    private Runs() {
    }

    static FeatureTable resumableTable() {
        return TestTables.learnable(2400, 5, 11);
    }

    static TrainingListener.RunEnded train(FeatureTable table, Map<String, Object> config, Path run, boolean resume,
                                           TrainingListener listener) throws IOException {
        return new ProgressiveTrainer().train(new Trainer.Request(table, config, run, resume), listener);
    }

    static MultiLayerNetwork checkpoint(Path run, int bucket) throws IOException {
        return RunFolder.readModel(new RunFolder(run).checkpoint(bucket)).getFirst();
    }

    /** Child process: trains (or resumes, with a second argument) the resumable run into {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        train(resumableTable(), RESUMABLE, Path.of(args[0]), args.length > 1, new TrainingListener() {
        });
    }
}
