package dev.candela.spi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/** Trains a model on a {@link FeatureTable} and reports progress to a {@link TrainingListener}. */
public interface Trainer {

    /** Stable id, e.g. {@code progressive}. */
    String id();

    default String description() {
        return "";
    }

    /**
     * Runs (or, with {@link Request#resume()}, continues) a training run into {@link Request#runDirectory()}.
     *
     * @throws IOException when the run directory cannot be written or a checkpoint cannot be read
     * @throws IllegalArgumentException naming the key of a bad configuration value
     */
    TrainingListener.RunEnded train(Request request, TrainingListener listener) throws IOException;

    /**
     * What to train on and where to write.
     *
     * @param data         the feature matrix
     * @param config       the parsed JSON configuration as plain maps, lists, strings, numbers and booleans
     * @param runDirectory folder for the config used, checkpoints, metrics and the summary
     * @param resume       continue from the last finished bucket found in {@code runDirectory}
     */
    record Request(FeatureTable data, Map<String, Object> config, Path runDirectory, boolean resume) {
        public Request {
            Objects.requireNonNull(data, "data");
            config = Map.copyOf(config);
            Objects.requireNonNull(runDirectory, "runDirectory");
        }
    }
}
