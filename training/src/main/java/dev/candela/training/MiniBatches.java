package dev.candela.training;

import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.function.IntSupplier;

/**
 * Mini-batches of one in-memory dataset. Each {@link #reset()} starts an epoch: the batch size is read
 * again (so a reduction by the optimizer applies from the next epoch) and, when shuffling, the examples
 * are put in an order drawn from a generator seeded by {@code seed} and the epoch number, so the order
 * depends only on the seed.
 *
 * <p>Batches are views of consecutive rows, made once per batch size and handed out again every epoch.
 * When shuffling, they are views of a second copy of the dataset, into which each epoch gathers the
 * examples in their drawn order with one {@code pullRows} per array. Gathering each batch on its own
 * ({@code get} with the batch's row indices) cost about 60 ms per epoch of 2,550 examples, more than the
 * epoch's gradient steps; the single gather takes about 0.15 ms.
 */
final class MiniBatches implements DataSetIterator {
    private static final long serialVersionUID = 1L;

    private final transient DataSet data;
    private final transient IntSupplier batchSize;
    private final boolean shuffle;
    private final long seed;
    private final int examples;
    /** The arrays batches are cut from: {@code data}'s, or, when shuffling, the epoch's reordered copy. */
    private final transient DataSet source;
    /** When shuffling: {@code source}'s arrays as {@code [examples, values per example]}, on the same memory. */
    private final transient INDArray flatFeatures;
    private final transient INDArray flatLabels;
    private transient List<DataSet> batches;
    private int epoch;
    private int cursor;
    private int currentBatch;

    MiniBatches(DataSet data, IntSupplier batchSize, boolean shuffle, long seed) {
        this.data = data;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.seed = seed;
        this.examples = data.numExamples();
        if (shuffle) {
            INDArray features = data.getFeatures();
            INDArray labels = data.getLabels();
            DataBuffer featureBuffer = Nd4j.createBuffer(features.dataType(), features.length(), false);
            DataBuffer labelBuffer = Nd4j.createBuffer(labels.dataType(), labels.length(), false);
            this.source = new DataSet(Datasets.on(featureBuffer, features.shape()),
                    Datasets.on(labelBuffer, labels.shape()));
            this.flatFeatures = Datasets.on(featureBuffer, perExample(features));
            this.flatLabels = Datasets.on(labelBuffer, perExample(labels));
        } else {
            this.source = data;
            this.flatFeatures = null;
            this.flatLabels = null;
        }
        start();
    }

    private void start() {
        int size = Math.max(1, batchSize.getAsInt());
        if (batches == null || size != currentBatch) {
            currentBatch = size;
            batches = new ArrayList<>();
            for (int from = 0; from < examples; from += size) {
                batches.add(slice(from, Math.min(examples, from + size)));
            }
        }
        cursor = 0;
        if (shuffle) {
            int[] order = order(seed * 31 + epoch);
            gather(data.getFeatures(), flatFeatures, order);
            gather(data.getLabels(), flatLabels, order);
        }
    }

    /** The examples' order for one epoch: a Fisher-Yates shuffle from {@code generatorSeed}. */
    private int[] order(long generatorSeed) {
        int[] order = new int[examples];
        for (int i = 0; i < examples; i++) {
            order[i] = i;
        }
        Random random = new Random(generatorSeed);
        for (int i = examples - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** {@code [examples, values per example]} for {@code array}. */
    private static long[] perExample(INDArray array) {
        long rows = array.size(0);
        return new long[] {rows, array.length() / rows};
    }

    /**
     * Example {@code order[i]} of {@code from} into row {@code i} of {@code to}, whole examples (an LSTM
     * example's window included): {@code from} seen as {@code [examples, values per example]} too.
     */
    private static void gather(INDArray from, INDArray to, int[] order) {
        Nd4j.pullRows(from.reshape('c', perExample(from)), to, 1, order);
    }

    private DataSet slice(int from, int to) {
        return new DataSet(rows(source.getFeatures(), from, to), rows(source.getLabels(), from, to));
    }

    @Override
    public boolean hasNext() {
        return cursor < examples;
    }

    @Override
    public DataSet next() {
        return next(currentBatch);
    }

    @Override
    public DataSet next(int num) {
        if (!hasNext()) {
            throw new NoSuchElementException("epoch finished");
        }
        int to = Math.min(examples, cursor + num);
        DataSet batch = num == currentBatch && cursor % currentBatch == 0 ? batches.get(cursor / currentBatch)
                : slice(cursor, to);
        cursor = to;
        return batch;
    }

    /** Rows {@code [from, to)} as a view: consecutive examples are contiguous in a C-ordered array. */
    static INDArray rows(INDArray array, long from, long to) {
        return array.rank() == 2 ? array.get(NDArrayIndex.interval(from, to), NDArrayIndex.all())
                : array.get(NDArrayIndex.interval(from, to), NDArrayIndex.all(), NDArrayIndex.all());
    }

    @Override
    public int inputColumns() {
        return (int) data.getFeatures().size(1);
    }

    @Override
    public int totalOutcomes() {
        return (int) data.getLabels().size(1);
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    /** No: the examples are in memory, and a background thread would only add a copy. */
    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public void reset() {
        epoch++;
        start();
    }

    @Override
    public int batch() {
        return currentBatch;
    }

    @Override
    public void setPreProcessor(DataSetPreProcessor preProcessor) {
        throw new UnsupportedOperationException("datasets are normalised before batching");
    }

    @Override
    public DataSetPreProcessor getPreProcessor() {
        return null;
    }

    @Override
    public List<String> getLabels() {
        return null;
    }
}
