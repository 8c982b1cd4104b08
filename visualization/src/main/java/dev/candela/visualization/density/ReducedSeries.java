package dev.candela.visualization.density;

import java.util.Arrays;

/**
 * Points kept by a reduction: x, y and the index each came from in the source, the first
 * {@link #size()} entries of each array being valid.
 *
 * @param x      kept x values
 * @param y      kept y values
 * @param index  source index of each kept point, ascending
 * @param size   how many points were kept
 */
public record ReducedSeries(double[] x, double[] y, int[] index, int size) {

    public ReducedSeries {
        if (size < 0 || size > x.length || size > y.length || size > index.length) {
            throw new IllegalArgumentException("size " + size + " exceeds the arrays");
        }
    }

    /** The kept x values, trimmed to {@link #size()}. */
    public double[] xValues() {
        return x.length == size ? x : Arrays.copyOf(x, size);
    }

    /** The kept y values, trimmed to {@link #size()}. */
    public double[] yValues() {
        return y.length == size ? y : Arrays.copyOf(y, size);
    }

    /** The source indices, trimmed to {@link #size()}. */
    public int[] indices() {
        return index.length == size ? index : Arrays.copyOf(index, size);
    }

    @Override
    public String toString() {
        return "ReducedSeries[" + size + " points]";
    }
}
