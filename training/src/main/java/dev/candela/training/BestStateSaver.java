package dev.candela.training;

import org.deeplearning4j.earlystopping.EarlyStoppingModelSaver;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Early stopping's memory of the best model, kept as a copy of its state rather than of the network.
 * DL4J's {@code InMemoryModelSaver} clones the whole network at every improvement (a new configuration, a
 * new network, its initialisation); this keeps only what training changes: the flat parameters, the
 * updater state and the iteration and epoch counters (Adam's bias correction reads the iteration), in
 * arrays allocated once and overwritten at each improvement. When training ends, {@link #getBestModel()}
 * writes that state back into the trained network and returns it: the network as it was at its best
 * epoch, parameter for parameter what the clone would have held. The saver belongs to one fit of one
 * network.
 */
final class BestStateSaver implements EarlyStoppingModelSaver<MultiLayerNetwork> {
    private static final long serialVersionUID = 1L;

    private transient MultiLayerNetwork network;
    private transient INDArray parameters;
    private transient INDArray updaterState;
    private int iteration;
    private int epoch;
    private final transient Runnable onSave;

    /** {@code onSave} runs after each copy, e.g. to keep what else belongs to the best epoch. */
    BestStateSaver(Runnable onSave) {
        this.onSave = onSave;
    }

    @Override
    public void saveBestModel(MultiLayerNetwork net, double score) {
        if (network != null && network != net) {
            throw new IllegalStateException("one saver serves one network");
        }
        network = net;
        parameters = copyInto(parameters, net.params());
        INDArray state = net.getUpdater() == null ? null : net.getUpdater().getStateViewArray();
        updaterState = state == null ? null : copyInto(updaterState, state);
        iteration = net.getIterationCount();
        epoch = net.getEpochCount();
        onSave.run();
    }

    /** Not kept: the run carries only the best model. */
    @Override
    public void saveLatestModel(MultiLayerNetwork net, double score) {
    }

    /**
     * The network in its best state, or {@code null} when no epoch produced a score (early stopping's own
     * contract, as for DL4J's savers).
     */
    @Override
    public MultiLayerNetwork getBestModel() {
        if (network == null) {
            return null;
        }
        // Epochs after the best one trained the network further; when there were none, this rewrites the same
        // values, an array copy, still far cheaper than a network clone.
        network.setParams(parameters);
        if (updaterState != null) {
            network.getUpdater().getStateViewArray().assign(updaterState);
        }
        network.setIterationCount(iteration);
        network.setEpochCount(epoch);
        return network;
    }

    @Override
    public MultiLayerNetwork getLatestModel() {
        return null;
    }

    /** {@code source} copied into {@code target} when the shapes agree (no new allocation), else a copy. */
    private static INDArray copyInto(INDArray target, INDArray source) {
        if (target != null && target.length() == source.length() && target.dataType() == source.dataType()) {
            return target.assign(source);
        }
        return source.dup();
    }
}
