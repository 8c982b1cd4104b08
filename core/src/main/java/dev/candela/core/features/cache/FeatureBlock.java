package dev.candela.core.features.cache;

import dev.candela.spi.Column;

import java.util.Objects;

/**
 * The cached value of one {@link FeatureKey}: each output of one indicator, one {@code double[]} per
 * output, laid on the base rows of the data it was computed from.
 *
 * <p>The arrays are shared with everyone who reads the block, never copied, so a cache hit costs
 * nothing; by contract nobody writes to them after the block is made. {@link #output(int)} hands out
 * read-only views.
 */
public final class FeatureBlock {
    /** Bytes of a {@code double[]}'s header and of the references that hold it, roughly. */
    private static final long ARRAY_OVERHEAD = 24;
    private static final long BLOCK_OVERHEAD = 48;

    private final double[][] outputs;
    private final long bytes;

    private FeatureBlock(double[][] outputs) {
        this.outputs = outputs;
        long total = BLOCK_OVERHEAD;
        for (double[] output : outputs) {
            total += ARRAY_OVERHEAD + 8L * output.length;
        }
        this.bytes = total;
    }

    /**
     * A block over these arrays, which from now on must not change.
     *
     * @throws IllegalArgumentException when there are no outputs or they differ in length
     */
    public static FeatureBlock of(double[]... outputs) {
        Objects.requireNonNull(outputs, "outputs");
        if (outputs.length == 0) {
            throw new IllegalArgumentException("a feature block needs at least one output");
        }
        int length = Objects.requireNonNull(outputs[0], "output").length;
        for (double[] output : outputs) {
            if (Objects.requireNonNull(output, "output").length != length) {
                throw new IllegalArgumentException("outputs differ in length: " + length + " and " + output.length);
            }
        }
        return new FeatureBlock(outputs.clone());
    }

    public int outputCount() {
        return outputs.length;
    }

    /** Number of rows of every output. */
    public int rowCount() {
        return outputs[0].length;
    }

    /** Output {@code index} as a read-only view of the shared array. */
    public Column output(int index) {
        return Column.of(outputs[Objects.checkIndex(index, outputs.length)]);
    }

    /** Estimated heap bytes the block holds: what the cache is bounded by. */
    public long bytes() {
        return bytes;
    }

    @Override
    public String toString() {
        return "FeatureBlock[" + outputs.length + " x " + rowCount() + ", " + bytes + " bytes]";
    }
}
