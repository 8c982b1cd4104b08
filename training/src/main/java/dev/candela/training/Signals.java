package dev.candela.training;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;

/**
 * The one mapping from a network's output to a trading position, shared by the trainer's out-of-sample
 * evaluation and {@link TrainedModel}: classification with three classes goes short on down, out on flat,
 * long on up (any other class count: long on the last class, "up", else out); regression takes the sign of the forecast in the labels' own units.
 */
final class Signals {

    private Signals() {
    }

    /** The position of a predicted class among {@code classCount}. */
    static double position(int predictedClass, int classCount) {
        if (classCount == 3) {
            return predictedClass - 1.0;
        }
        return predictedClass == classCount - 1 ? 1.0 : 0.0;
    }

    /**
     * One position per row of {@code out} ({@code [rows, outputs]}); {@code normalizer} reverts a regression
     * forecast to return units (its sign is what counts, and the label mean can move it).
     */
    static double[] positions(INDArray out, NormalizerStandardize normalizer, boolean classification,
                              int classCount) {
        int n = (int) out.size(0);
        double[] positions = new double[n];
        if (classification) {
            int[] predicted = out.argMax(1).toIntVector();
            for (int i = 0; i < n; i++) {
                positions[i] = position(predicted[i], classCount);
            }
        } else {
            double[] forecast = forecasts(out, normalizer);
            for (int i = 0; i < n; i++) {
                positions[i] = Math.signum(forecast[i]);
            }
        }
        return positions;
    }

    /** A regression network's outputs in the labels' units. */
    static double[] forecasts(INDArray out, NormalizerStandardize normalizer) {
        INDArray predicted = out.dup();
        normalizer.revertLabels(predicted);
        return predicted.reshape(predicted.length()).toDoubleVector();
    }
}
