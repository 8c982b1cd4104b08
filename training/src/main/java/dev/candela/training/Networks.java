package dev.candela.training;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.conf.layers.wrapper.BaseWrapperLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Builds the MLP and LSTM networks of {@link TrainingSettings.Model}, and their transferred successors. */
final class Networks {

    private Networks() {
    }

    static boolean isActivation(String name) {
        try {
            Activation.valueOf(name.toUpperCase(Locale.ROOT));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String activationNames() {
        return Arrays.stream(Activation.values()).map(a -> a.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    static IUpdater updater(TrainingSettings.UpdaterKind kind, double learningRate) {
        return switch (kind) {
            case ADAM -> new Adam(learningRate);
            case NESTEROVS -> new Nesterovs(learningRate, 0.9);
            case RMSPROP -> new RmsProp(learningRate);
            case SGD -> new Sgd(learningRate);
        };
    }

    /** Outputs of the network: one per class, or one value for regression. */
    static int outputs(TrainingSettings.Model model, int classCount) {
        return model.task() == TrainingSettings.Task.CLASSIFICATION ? classCount : 1;
    }

    /** A freshly initialised network for {@code featureCount} inputs, weights drawn from {@code seed}. */
    static MultiLayerNetwork create(TrainingSettings.Model model, int featureCount, int classCount, long seed) {
        boolean lstm = model.type() == TrainingSettings.ModelType.LSTM;
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER)
                .updater(updater(model.updater(), model.learningRate()))
                .l2(model.l2())
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .list();
        int layerIndex = 0;
        int count = model.layers().size();
        for (TrainingSettings.Layer layer : model.layers()) {
            Activation activation = layer.activation() != null
                    ? Activation.valueOf(layer.activation().toUpperCase(Locale.ROOT))
                    : (lstm ? Activation.TANH : Activation.RELU);
            // DL4J's dropOut(p) is the probability of keeping a unit; the configuration speaks of dropping.
            double retain = 1.0 - layer.dropout();
            if (lstm) {
                LSTM.Builder b = new LSTM.Builder().nOut(layer.size()).activation(activation);
                if (layer.dropout() > 0) {
                    b.dropOut(retain);
                }
                LSTM recurrent = b.build();
                // The last recurrent layer hands only its final time step to the output layer.
                list.layer(layerIndex, layerIndex == count - 1 ? new LastTimeStep(recurrent) : recurrent);
            } else {
                DenseLayer.Builder b = new DenseLayer.Builder().nOut(layer.size()).activation(activation);
                if (layer.dropout() > 0) {
                    b.dropOut(retain);
                }
                list.layer(layerIndex, b.build());
            }
            layerIndex++;
        }
        boolean classification = model.task() == TrainingSettings.Task.CLASSIFICATION;
        list.layer(layerIndex, new OutputLayer.Builder(classification ? LossFunctions.LossFunction.MCXENT
                : LossFunctions.LossFunction.MSE)
                .activation(classification ? Activation.SOFTMAX : Activation.IDENTITY)
                .nOut(outputs(model, classCount)).build());
        list.setInputType(lstm ? InputType.recurrent(featureCount, model.window()) : InputType.feedForward(featureCount));
        MultiLayerConfiguration conf = list.build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        return network;
    }

    /**
     * The next bucket's starting network: {@code previous}'s layers and weights with a fine-tune
     * configuration (the decayed learning rate, a new seed for dropout) and, optionally, the first
     * {@code frozenLayers} hidden layers frozen. DL4J's transfer learning builds it.
     */
    static MultiLayerNetwork transferred(MultiLayerNetwork previous, TrainingSettings settings, double learningRate,
                                         long seed) {
        IUpdater decayed = updater(settings.model().updater(), learningRate);
        // Biases too: otherwise they keep the old rate, and weights and biases split into two updater blocks.
        FineTuneConfiguration fineTune = new FineTuneConfiguration.Builder()
                .updater(decayed)
                .biasUpdater(decayed)
                .seed(seed)
                .build();
        TransferLearning.Builder builder = new TransferLearning.Builder(previous).fineTuneConfiguration(fineTune);
        int frozen = settings.transfer().frozenLayers();
        // Freeze once: a network transferred before already holds frozen layers, and freezing those again
        // would wrap them twice, which DL4J cannot run.
        if (frozen > 0 && !(previous.getLayerWiseConfigurations().getConf(frozen - 1).getLayer()
                instanceof FrozenLayer)) {
            builder.setFeatureExtractor(frozen - 1);
        }
        MultiLayerNetwork next = builder.build();
        // DL4J's fine-tune configuration does not reach a layer inside a wrapper (the LSTM's last layer, in a
        // LastTimeStep): it would keep the old rate, and its own updater block. Done before anything asks
        // for the updater, which is built from these configurations on first use.
        for (NeuralNetConfiguration conf : next.getLayerWiseConfigurations().getConfs()) {
            if (conf.getLayer() instanceof BaseWrapperLayer wrapper && !(wrapper instanceof FrozenLayerWithBackprop)
                    && wrapper.getUnderlying() instanceof BaseLayer inner) {
                inner.setIUpdater(decayed.clone());
                inner.setBiasUpdater(decayed.clone());
            }
        }
        return next;
    }
}
