package dev.candela.visualization.chart;

import dev.candela.visualization.density.LargestTriangleThreeBuckets;
import org.jfree.data.xy.DefaultXYDataset;

import java.util.Arrays;

/**
 * Builds JFreeChart datasets from primitive arrays, reducing each series to the point budget with
 * {@link LargestTriangleThreeBuckets} first. The dataset holds only the reduced arrays, so a chart never
 * keeps a reference to its (possibly huge) source.
 */
final class ReducedLines {
    private final DefaultXYDataset dataset = new DefaultXYDataset();
    private final int budget;

    ReducedLines(int budget) {
        this.budget = Math.max(3, budget);
    }

    /** Adds {@code y} against {@code x}, reduced to the budget when longer. */
    ReducedLines add(String name, double[] x, double[] y) {
        int n = x.length;
        int capacity = Math.min(n, budget);
        double[] rx = new double[capacity];
        double[] ry = new double[capacity];
        int kept = LargestTriangleThreeBuckets.reduce(x, y, 0, n, budget, rx, ry, null);
        dataset.addSeries(name, new double[][] {kept == capacity ? rx : Arrays.copyOf(rx, kept),
            kept == capacity ? ry : Arrays.copyOf(ry, kept)});
        return this;
    }

    int seriesCount() {
        return dataset.getSeriesCount();
    }

    DefaultXYDataset dataset() {
        return dataset;
    }
}
