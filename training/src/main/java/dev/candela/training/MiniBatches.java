package dev.candela.training;

import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.indexing.SpecifiedIndex;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.function.IntSupplier;

/**
 * Mini-batches of one in-memory dataset. Each {@link #reset()} starts an epoch: the batch size is read
 * again (so a reduction by the optimizer applies from the next epoch) and, when shuffling, the examples
 * are put in an order drawn from a generator seeded by {@code seed} and the epoch number, so the order
 * depends only on the seed.
 */
final class MiniBatches implements DataSetIterator {
    private static final long serialVersionUID = 1L;

    private final transient DataSet data;
    private final transient IntSupplier batchSize;
    private final boolean shuffle;
    private final long seed;
    private final int examples;
    private int epoch;
    private int[] order;
    private int cursor;
    private int currentBatch;

    MiniBatches(DataSet data, IntSupplier batchSize, boolean shuffle, long seed) {
        this.data = data;
        this.batchSize = batchSize;
        this.shuffle = shuffle;
        this.seed = seed;
        this.examples = data.numExamples();
        start();
    }

    private void start() {
        currentBatch = Math.max(1, batchSize.getAsInt());
        cursor = 0;
        if (shuffle) {
            order = new int[examples];
            for (int i = 0; i < examples; i++) {
                order[i] = i;
            }
            Random random = new Random(seed * 31 + epoch);
            for (int i = examples - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        } else {
            order = null;
        }
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
        DataSet batch;
        if (order == null) {
            batch = new DataSet(rows(data.getFeatures(), cursor, to), rows(data.getLabels(), cursor, to));
        } else {
            long[] picked = new long[to - cursor];
            for (int i = cursor; i < to; i++) {
                picked[i - cursor] = order[i];
            }
            batch = new DataSet(pick(data.getFeatures(), picked), pick(data.getLabels(), picked));
        }
        cursor = to;
        return batch;
    }

    private static INDArray pick(INDArray array, long[] picked) {
        return array.rank() == 2 ? array.get(new SpecifiedIndex(picked), NDArrayIndex.all())
                : array.get(new SpecifiedIndex(picked), NDArrayIndex.all(), NDArrayIndex.all());
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
