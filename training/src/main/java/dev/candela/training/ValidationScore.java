package dev.candela.training;

import org.deeplearning4j.earlystopping.scorecalc.ScoreCalculator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

/**
 * Early stopping's score on the validation slice, the quantity DL4J's {@code score} gives (and its
 * {@code DataSetLossCalculator} averages): the mean loss ({@link #dataLoss}) plus the network's L2
 * penalty, so that it compares with the training loss DL4J reports per mini-batch. It comes from one
 * forward pass per epoch, in chunks of at most {@code chunk} examples, whose outputs it keeps: early
 * stopping's saver calls {@link #keepLatestAsBest()} when it keeps an epoch as the best, so the bucket's
 * validation metrics of the best model need no further pass.
 */
final class ValidationScore implements ScoreCalculator<MultiLayerNetwork> {
    private static final long serialVersionUID = 1L;

    private final transient DataSet validation;
    private final boolean classification;
    private final int chunk;
    private transient INDArray latestOutputs;
    private transient INDArray bestOutputs;

    ValidationScore(DataSet validation, boolean classification, int chunk) {
        this.validation = validation;
        this.classification = classification;
        this.chunk = chunk;
    }

    @Override
    public double calculateScore(MultiLayerNetwork network) {
        INDArray out = outputs(network, validation.getFeatures(), chunk);
        latestOutputs = out;
        return dataLoss(out, validation.getLabels(), classification) + network.calcRegularizationScore(true);
    }

    @Override
    public boolean minimizeScore() {
        return true;
    }

    /** Marks the outputs of the latest score as those of the best model. */
    void keepLatestAsBest() {
        bestOutputs = latestOutputs;
    }

    /** The validation outputs of the model kept as the best; {@code null} before one was kept. */
    INDArray bestOutputs() {
        return bestOutputs;
    }

    /** {@code network}'s inference outputs for {@code features}, {@code chunk} examples per forward pass. */
    static INDArray outputs(MultiLayerNetwork network, INDArray features, int chunk) {
        long rows = features.size(0);
        if (rows <= chunk) {
            return network.output(features, false);
        }
        List<INDArray> parts = new ArrayList<>();
        for (long from = 0; from < rows; from += chunk) {
            parts.add(network.output(MiniBatches.rows(features, from, Math.min(rows, from + chunk)), false));
        }
        return Nd4j.vstack(parts.toArray(INDArray[]::new));
    }

    /**
     * The data loss of predictions {@code out} against {@code labels}: mean cross-entropy for classes, mean
     * squared error (in normalised units) for regression. Unlike DL4J's {@code score}, it leaves out the L2
     * penalty, which says nothing about the data.
     */
    static double dataLoss(INDArray out, INDArray labels, boolean classification) {
        double[] p = out.reshape(out.length()).toDoubleVector();
        double[] y = labels.reshape(labels.length()).toDoubleVector();
        long rows = out.size(0);
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            if (classification) {
                if (y[i] != 0) {
                    sum -= y[i] * Math.log(Math.max(p[i], 1e-12));
                }
            } else {
                double d = p[i] - y[i];
                sum += d * d;
            }
        }
        return sum / rows;
    }
}
