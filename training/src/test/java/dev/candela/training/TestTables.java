package dev.candela.training;

import dev.candela.spi.Column;
import dev.candela.spi.FeatureTable;

import java.util.List;
import java.util.Random;

/** Small feature tables with a signal a tiny network can learn: the forward return follows feature 0. */
final class TestTables {

    private TestTables() {
    }

    static FeatureTable learnable(int rows, int features, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[features][rows];
        double[] forward = new double[rows];
        int[] labels = new int[rows];
        long[] time = new long[rows];
        for (int r = 0; r < rows; r++) {
            for (int f = 0; f < features; f++) {
                x[f][r] = random.nextGaussian() * (f + 1) + f;
            }
            forward[r] = 0.004 * x[0][r] + 0.002 * random.nextGaussian();
            labels[r] = forward[r] < -0.002 ? 0 : forward[r] > 0.002 ? 2 : 1;
            time[r] = 1_700_000_000_000L + r * 3_600_000L;
        }
        return new ArrayTable(x, forward, labels, time, 3, 1);
    }

    /** A table over plain arrays. */
    record ArrayTable(double[][] x, double[] forward, int[] labels, long[] time, int classes, int horizonBars)
            implements FeatureTable {
        @Override
        public int rowCount() {
            return forward.length;
        }

        @Override
        public List<String> featureNames() {
            return java.util.stream.IntStream.range(0, x.length).mapToObj(i -> "f" + i).toList();
        }

        @Override
        public long timestamp(int row) {
            return time[row];
        }

        @Override
        public Column feature(int index) {
            return Column.of(x[index]);
        }

        @Override
        public int classCount() {
            return classes;
        }

        @Override
        public int classLabel(int row) {
            return labels[row];
        }

        @Override
        public Column forwardReturns() {
            return Column.of(forward);
        }

        @Override
        public int horizon() {
            return horizonBars;
        }
    }
}
