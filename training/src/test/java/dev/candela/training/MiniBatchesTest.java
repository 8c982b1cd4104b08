package dev.candela.training;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mini-batches against the dataset they cut: every example exactly once per epoch, whole (features, LSTM
 * window and label together), in batches of the size asked for, in an order fixed by the seed.
 */
class MiniBatchesTest {

    /**
     * {@code n} examples whose every value encodes the example: feature {@code f} at time step {@code t} of
     * example {@code i} is {@code i * 1000 + f * 10 + t}, and the label row is {@code [i, -i]}.
     */
    private static DataSet numbered(int n, int features, int window) {
        INDArray x = window == 1 ? Nd4j.create(DataType.FLOAT, n, features) : Nd4j.create(DataType.FLOAT, n, features, window);
        INDArray y = Nd4j.create(DataType.FLOAT, n, 2);
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < features; f++) {
                for (int t = 0; t < window; t++) {
                    double v = i * 1000 + f * 10 + t;
                    if (window == 1) {
                        x.putScalar(new long[] {i, f}, v);
                    } else {
                        x.putScalar(new long[] {i, f, t}, v);
                    }
                }
            }
            y.putScalar(new long[] {i, 0}, i);
            y.putScalar(new long[] {i, 1}, -i);
        }
        return new DataSet(x, y);
    }

    /**
     * One epoch: the example of every batch row in order, after checking that the row is whole (all its values
     * and its label belong to the same example) and that batches have {@code size} rows, the last one the rest.
     */
    private static List<Integer> epoch(MiniBatches batches, int size, int n, int features, int window) {
        List<Integer> seen = new ArrayList<>();
        while (batches.hasNext()) {
            DataSet batch = batches.next();
            int rows = batch.numExamples();
            assertEquals(Math.min(size, n - seen.size()), rows, "batch size");
            for (int r = 0; r < rows; r++) {
                int example = (int) batch.getLabels().getDouble(r, 0);
                assertEquals(-example, batch.getLabels().getDouble(r, 1), "label row whole");
                for (int f = 0; f < features; f++) {
                    for (int t = 0; t < window; t++) {
                        double v = window == 1 ? batch.getFeatures().getDouble(r, f) : batch.getFeatures().getDouble(r, f, t);
                        assertEquals(example * 1000 + f * 10 + t, v, "example " + example + " feature " + f + " step " + t);
                    }
                }
                seen.add(example);
            }
        }
        return seen;
    }

    private static List<Integer> range(int n) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(i);
        }
        return all;
    }

    @Test
    void withoutShufflingBatchesAreConsecutiveRowsEveryEpoch() {
        DataSet data = numbered(23, 3, 1);
        MiniBatches batches = new MiniBatches(data, () -> 5, false, 1);
        assertEquals(range(23), epoch(batches, 5, 23, 3, 1));
        assertThrows(java.util.NoSuchElementException.class, batches::next);
        batches.reset();
        assertEquals(range(23), epoch(batches, 5, 23, 3, 1));
    }

    @Test
    void shuffledEpochsHoldEveryExampleOnceInAnOrderFixedBySeedAndEpoch() {
        for (int window : new int[] {1, 4}) {
            DataSet data = numbered(37, 3, window);
            INDArray features = data.getFeatures().dup();
            MiniBatches batches = new MiniBatches(data, () -> 8, true, 7);
            MiniBatches again = new MiniBatches(data, () -> 8, true, 7);
            MiniBatches otherSeed = new MiniBatches(data, () -> 8, true, 8);
            List<List<Integer>> epochs = new ArrayList<>();
            for (int e = 0; e < 3; e++) {
                List<Integer> order = epoch(batches, 8, 37, 3, window);
                List<Integer> sorted = new ArrayList<>(order);
                sorted.sort(null);
                assertEquals(range(37), sorted, "every example once, window " + window);
                assertEquals(order, epoch(again, 8, 37, 3, window), "same seed, same order");
                assertNotEquals(order, epoch(otherSeed, 8, 37, 3, window), "another seed, another order");
                assertNotEquals(range(37), order, "shuffled");
                epochs.add(order);
                batches.reset();
                again.reset();
                otherSeed.reset();
            }
            assertNotEquals(epochs.get(0), epochs.get(1), "each epoch draws its own order");
            assertEquals(features, data.getFeatures(), "the dataset itself is left as it was");
        }
    }

    @Test
    void aNewBatchSizeAppliesFromTheNextEpoch() {
        AtomicInteger size = new AtomicInteger(10);
        for (boolean shuffle : new boolean[] {false, true}) {
            size.set(10);
            MiniBatches batches = new MiniBatches(numbered(25, 2, 1), size::get, shuffle, 3);
            DataSet first = batches.next();
            assertEquals(10, first.numExamples());
            size.set(4);
            assertEquals(10, batches.next().numExamples(), "not within an epoch");
            batches.reset();
            List<Integer> seen = epoch(batches, 4, 25, 2, 1);
            assertEquals(25, seen.size());
            assertEquals(4, batches.batch());
        }
    }

    @Test
    void anOddSizedRequestGetsTheRowsAtTheCursor() {
        MiniBatches batches = new MiniBatches(numbered(12, 2, 1), () -> 5, false, 1);
        DataSet three = batches.next(3);
        assertEquals(3, three.numExamples());
        DataSet rest = batches.next();
        assertEquals(5, rest.numExamples());
        assertEquals(3.0, rest.getLabels().getDouble(0, 0), "continues where the odd batch ended");
        assertTrue(batches.hasNext());
        assertEquals(4, batches.next().numExamples());
        assertFalse(batches.hasNext());
    }
}
