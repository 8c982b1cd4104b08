package dev.candela.training;

import dev.candela.spi.Column;
import dev.candela.spi.FeatureTable;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns rows of a {@link FeatureTable} into DL4J datasets: for the MLP one row of features per example,
 * {@code [examples, features]}; for the LSTM the window of rows ending at the example's row,
 * {@code [examples, features, window]}. Labels are one-hot classes, or the forward return for regression.
 * Values are raw; normalisation is fitted per bucket on its training slice.
 */
final class Datasets {

    private Datasets() {
    }

    /**
     * Checks once that every feature value the plan can reach is finite and every label in range.
     *
     * @throws TrainingDataException naming the first bad row and column
     */
    static void check(FeatureTable table, TrainingSettings.Model model) {
        int columns = table.featureNames().size();
        if (columns == 0) {
            throw new TrainingDataException("the feature table has no feature columns");
        }
        if (model.task() == TrainingSettings.Task.CLASSIFICATION && table.classCount() < 2) {
            throw new TrainingDataException("classification needs at least 2 label classes, the table has "
                    + table.classCount());
        }
        for (int c = 0; c < columns; c++) {
            Column column = table.feature(c);
            for (int r = 0; r < table.rowCount(); r++) {
                if (!Double.isFinite(column.get(r))) {
                    throw new TrainingDataException("feature '" + table.featureNames().get(c) + "' is "
                            + column.get(r) + " at row " + r + " (" + java.time.Instant.ofEpochMilli(table.timestamp(r))
                            + "); drop incomplete rows before training");
                }
            }
        }
        Column forward = table.forwardReturns();
        for (int r = 0; r < table.rowCount(); r++) {
            int label = table.classLabel(r);
            if (label < 0 || label >= table.classCount()) {
                throw new TrainingDataException("class label " + label + " at row " + r + " is outside [0, "
                        + table.classCount() + ")");
            }
            if (!Double.isFinite(forward.get(r))) {
                throw new TrainingDataException("forward return at row " + r + " is " + forward.get(r));
            }
        }
    }

    /** The examples of {@code rows} (in this order), features and labels as 32-bit floats. */
    static DataSet of(FeatureTable table, int[] rows, TrainingSettings.Model model) {
        int n = rows.length;
        INDArray x = features(table, rows, model.span());
        INDArray y;
        if (model.task() == TrainingSettings.Task.CLASSIFICATION) {
            int classes = table.classCount();
            float[] oneHot = new float[n * classes];
            for (int i = 0; i < n; i++) {
                oneHot[i * classes + table.classLabel(rows[i])] = 1f;
            }
            y = array(oneHot, n, classes);
        } else {
            float[] returns = new float[n];
            Column forward = table.forwardReturns();
            for (int i = 0; i < n; i++) {
                returns[i] = (float) forward.get(rows[i]);
            }
            y = array(returns, n, 1);
        }
        return new DataSet(x, y);
    }

    /**
     * The features of {@code rows} (in this order) as 32-bit floats: {@code [rows, features]} for a window of
     * 1, else {@code [rows, features, window]}, time step {@code window - 1} being the row itself. Every row
     * must be at least {@code window - 1}.
     */
    static INDArray features(FeatureTable table, int[] rows, int window) {
        int columns = table.featureNames().size();
        int n = rows.length;
        float[] features = new float[n * columns * window];
        Column[] views = new Column[columns];
        for (int c = 0; c < columns; c++) {
            views[c] = table.feature(c);
        }
        if (window == 1) {
            for (int i = 0; i < n; i++) {
                int base = i * columns;
                for (int c = 0; c < columns; c++) {
                    features[base + c] = (float) views[c].get(rows[i]);
                }
            }
        } else {
            // Layout [example][feature][time], time step window-1 being the example's own row.
            for (int i = 0; i < n; i++) {
                int first = rows[i] - window + 1;
                for (int c = 0; c < columns; c++) {
                    int base = (i * columns + c) * window;
                    for (int t = 0; t < window; t++) {
                        features[base + t] = (float) views[c].get(first + t);
                    }
                }
            }
        }
        return window == 1 ? array(features, n, columns) : array(features, n, columns, window);
    }

    /**
     * {@code values} as a C-ordered array of {@code shape}, through a data buffer made from them in one
     * piece. Not {@code Nd4j.create(float[], shape, order)}: that fills its buffer value by value, about 3
     * times slower than building the examples themselves (0.5 ms for a bucket of 2,550 x 81).
     */
    static INDArray array(float[] values, long... shape) {
        return on(Nd4j.createBuffer(values), shape);
    }

    /** A C-ordered array of {@code shape} on {@code buffer}, which it shares. */
    static INDArray on(DataBuffer buffer, long... shape) {
        return Nd4j.create(buffer, shape, Nd4j.getStrides(shape, 'c'), 0, 'c', buffer.dataType());
    }

    /** Bytes the arrays of {@code data} occupy. */
    static long bytes(DataSet data) {
        long bytes = 0;
        if (data.getFeatures() != null) {
            bytes += data.getFeatures().length() * data.getFeatures().dataType().width();
        }
        if (data.getLabels() != null) {
            bytes += data.getLabels().length() * data.getLabels().dataType().width();
        }
        return bytes;
    }
}
