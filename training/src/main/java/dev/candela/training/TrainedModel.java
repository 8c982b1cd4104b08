package dev.candela.training;

import dev.candela.spi.FeatureTable;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The model a progressive run produced, for a strategy to use on new feature rows: the network and
 * normaliser of the run's last finished bucket, the run's settings and the feature columns it was trained
 * on.
 *
 * <p>Rows are normalised with the normaliser fitted on that bucket's training rows, exactly as the trainer
 * normalises them, and {@link #position} maps the output to a position as the trainer's out-of-sample
 * trading evaluation does (classification with 3 classes: down short, flat out, up long; with other class
 * counts long on the last class, else out; regression: the sign of the forecast). A table given to it must
 * have the run's feature columns in the same order; its labels are never read.
 *
 * <p>An MLP reads one row. An LSTM reads the window of {@code settings().model().window()} rows ending at
 * the row; a row before {@code window - 1} has no full window: the single-row methods reject it
 * ({@link IllegalArgumentException}) and the batch methods give NaN for it.
 *
 * <pre>{@code
 * TrainedModel model = TrainedModel.load(Path.of("runs/first"));
 * FeatureMatrix table = TrainingData.table(candela, series, model.settings().features());
 * int position = model.position(table, table.rowCount() - 1);
 * }</pre>
 *
 * <p>Not thread-safe: a DL4J network is used by one thread at a time.
 */
public final class TrainedModel {
    /** Rows per forward pass of the batch methods. */
    private static final int BATCH = 1024;

    private final Path checkpoint;
    private final TrainingSettings settings;
    private final RunFolder.TableShape shape;
    private final MultiLayerNetwork network;
    private final NormalizerStandardize normalizer;
    private final int bucket;

    private TrainedModel(Path checkpoint, TrainingSettings settings, RunFolder.TableShape shape,
                         MultiLayerNetwork network, NormalizerStandardize normalizer, int bucket) {
        this.checkpoint = checkpoint;
        this.settings = settings;
        this.shape = shape;
        this.network = network;
        this.normalizer = normalizer;
        this.bucket = bucket;
    }

    /**
     * Loads the last finished bucket's model of the run in {@code runDirectory} (also of a run that stopped
     * short: its finished buckets are checkpointed).
     *
     * @throws NoSuchFileException when the folder holds no run, no finished bucket, no {@code features.json}
     *                             or the checkpoint named by {@code progress.json} is missing (the message
     *                             names the file)
     * @throws IOException         when a file cannot be read or parsed (naming the file)
     * @throws TrainingConfigException when {@code config.json} is invalid (naming file, line and key)
     */
    public static TrainedModel load(Path runDirectory) throws IOException {
        Objects.requireNonNull(runDirectory, "runDirectory");
        RunFolder folder = new RunFolder(runDirectory);
        Path config = runDirectory.resolve(RunFolder.CONFIG);
        if (!Files.isRegularFile(config)) {
            throw new NoSuchFileException(config.toString(), null, "not a training run folder (no "
                    + RunFolder.CONFIG + ")");
        }
        int finished = folder.readProgress().size();
        if (finished == 0) {
            throw new NoSuchFileException(runDirectory.resolve(RunFolder.PROGRESS).toString(), null,
                    "the run has no finished bucket, so no model to load");
        }
        int last = finished - 1;
        Path checkpoint = folder.checkpoint(last);
        if (!Files.isRegularFile(checkpoint)) {
            throw new NoSuchFileException(checkpoint.toString(), null, "the checkpoint of bucket " + last
                    + ", the last finished one according to " + RunFolder.PROGRESS + ", is missing");
        }
        TrainingSettings settings = TrainingSettings.read(config);
        RunFolder.TableShape shape = folder.readFeatures();
        Pair<MultiLayerNetwork, NormalizerStandardize> saved;
        try {
            saved = RunFolder.readModel(checkpoint);
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot read the model in " + checkpoint + ": " + e.getMessage(), e);
        }
        MultiLayerNetwork network = saved.getFirst();
        long inputs = saved.getSecond().getMean().length();
        if (inputs != shape.featureNames().size()) {
            throw new IOException(checkpoint + " holds a normaliser of " + inputs + " features, but "
                    + runDirectory.resolve(RunFolder.FEATURES) + " lists " + shape.featureNames().size() + " features");
        }
        return new TrainedModel(checkpoint, settings, shape, network, saved.getSecond(), last);
    }

    /** The run's settings ({@code config.json}). */
    public TrainingSettings settings() {
        return settings;
    }

    /** The feature columns, in the order the model reads them. */
    public List<String> featureNames() {
        return shape.featureNames();
    }

    /** The label classes the run was trained with (the table's class count, also for regression). */
    public int classCount() {
        return shape.classCount();
    }

    /** The bucket whose model this is (the run's last finished one). */
    public int bucket() {
        return bucket;
    }

    /** The checkpoint file it was loaded from. */
    public Path checkpoint() {
        return checkpoint;
    }

    /** Whether the model classifies direction (else it forecasts the forward return). */
    public boolean isClassifier() {
        return settings.model().task() == TrainingSettings.Task.CLASSIFICATION;
    }

    /** The first row with a full input window: {@code window - 1} for the LSTM, 0 for the MLP. */
    public int firstRow() {
        return settings.model().span() - 1;
    }

    /**
     * The class probabilities (down, flat, up for 3 classes) for {@code row} of {@code table}.
     *
     * @throws IllegalStateException    for a regression model
     * @throws IllegalArgumentException  when the table's columns differ (naming the first differing column), or
     *                                   the row is before {@link #firstRow()}
     * @throws IndexOutOfBoundsException when the row is not in the table
     */
    public double[] probabilities(FeatureTable table, int row) {
        requireClassifier();
        return output(table, new int[] {checkRow(table, row)})[0];
    }

    /**
     * The class probabilities of every row of {@code table}, {@code [rowCount][classCount]}; rows before
     * {@link #firstRow()} are all NaN.
     *
     * @throws IllegalStateException    for a regression model
     * @throws IllegalArgumentException when the table's columns differ (naming the first differing column)
     */
    public double[][] probabilities(FeatureTable table) {
        requireClassifier();
        return all(table);
    }

    /**
     * The forecast forward return of {@code row} (a regression model), in the labels' units.
     *
     * @throws IllegalStateException for a classifier
     */
    public double forecast(FeatureTable table, int row) {
        requireRegression();
        return Signals.forecasts(network.output(normalizedFeatures(table, new int[] {checkRow(table, row)}), false),
                normalizer)[0];
    }

    /**
     * The position for {@code row}: -1 short, 0 flat, +1 long.
     *
     * @throws IllegalArgumentException  when the table's columns differ, or the row is before {@link #firstRow()}
     * @throws IndexOutOfBoundsException when the row is not in the table
     */
    public int position(FeatureTable table, int row) {
        int[] rows = {checkRow(table, row)};
        return (int) Signals.positions(network.output(normalizedFeatures(table, rows), false), normalizer,
                isClassifier(), shape.classCount())[0];
    }

    /**
     * The positions of every row of {@code table}; rows before {@link #firstRow()} are 0 (flat).
     *
     * @throws IllegalArgumentException when the table's columns differ (naming the first differing column)
     */
    public int[] positions(FeatureTable table) {
        checkColumns(table);
        int[] out = new int[table.rowCount()];
        int first = Math.min(firstRow(), table.rowCount());
        for (int from = first; from < table.rowCount(); from += BATCH) {
            int[] rows = IntStream.range(from, Math.min(table.rowCount(), from + BATCH)).toArray();
            double[] p = Signals.positions(network.output(normalizedFeatures(table, rows), false), normalizer,
                    isClassifier(), shape.classCount());
            for (int i = 0; i < rows.length; i++) {
                out[rows[i]] = (int) p[i];
            }
        }
        return out;
    }

    private double[][] all(FeatureTable table) {
        checkColumns(table);
        int outputs = Networks.outputs(settings.model(), shape.classCount());
        double[][] out = new double[table.rowCount()][];
        int first = Math.min(firstRow(), table.rowCount());
        for (int r = 0; r < first; r++) {
            out[r] = new double[outputs];
            Arrays.fill(out[r], Double.NaN);
        }
        for (int from = first; from < table.rowCount(); from += BATCH) {
            int[] rows = IntStream.range(from, Math.min(table.rowCount(), from + BATCH)).toArray();
            double[][] block = output(table, rows);
            System.arraycopy(block, 0, out, from, rows.length);
        }
        return out;
    }

    private double[][] output(FeatureTable table, int[] rows) {
        INDArray out = network.output(normalizedFeatures(table, rows), false);
        return out.toDoubleMatrix();
    }

    private INDArray normalizedFeatures(FeatureTable table, int[] rows) {
        checkColumns(table);
        INDArray features = Datasets.features(table, rows, settings.model().span());
        normalizer.transform(features);
        return features;
    }

    private int checkRow(FeatureTable table, int row) {
        checkColumns(table);
        if (row < 0 || row >= table.rowCount()) {
            throw new IndexOutOfBoundsException("row " + row + " is outside the table's " + table.rowCount() + " rows");
        }
        if (row < firstRow()) {
            throw new IllegalArgumentException("row " + row + " has no full window of " + settings.model().window()
                    + " rows; the first row the LSTM can read is " + firstRow());
        }
        return row;
    }

    private void checkColumns(FeatureTable table) {
        Objects.requireNonNull(table, "table");
        shape.mismatch(table).ifPresent(m -> {
            throw new IllegalArgumentException("the feature table does not match the model of " + checkpoint + ": " + m);
        });
    }

    private void requireClassifier() {
        if (!isClassifier()) {
            throw new IllegalStateException("the model of " + checkpoint + " forecasts returns (regression); it has "
                    + "no class probabilities, use forecast()");
        }
    }

    private void requireRegression() {
        if (isClassifier()) {
            throw new IllegalStateException("the model of " + checkpoint + " classifies direction; use probabilities()");
        }
    }
}
