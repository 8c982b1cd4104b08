package dev.candela.visualization.density;

import java.util.Objects;

/**
 * Largest-Triangle-Three-Buckets (Steinarsson, 2013): picks {@code threshold} of {@code n} points so
 * that a line through them keeps the shape of the full series, peaks and troughs included.
 *
 * <p>The first and the last point are always kept. The points between them are split into
 * {@code threshold - 2} buckets of (nearly) equal size; from each bucket the point that forms the
 * largest triangle with the point kept from the previous bucket and the mean of the next bucket is
 * kept. A spike is far from both neighbours, so it forms the largest triangle in its bucket and stays
 * visible.
 *
 * <p>Missing values ({@code NaN} y, e.g. an indicator's warm-up) are never picked while a bucket holds
 * a finite value, and are left out of the next-bucket mean; a bucket with no finite value keeps its
 * first point, so a gap in the series stays a gap in the chart.
 *
 * <p>{@link #reduce(double[], double[], int, int, int, double[], double[], int[])} writes into the
 * caller's arrays and allocates nothing, so repeated renders can reuse buffers; it runs in one pass,
 * {@code O(n)} time.
 */
public final class LargestTriangleThreeBuckets {

    private LargestTriangleThreeBuckets() {
    }

    /**
     * Reduces the points {@code [from, to)} of {@code x}/{@code y} to at most {@code threshold} points.
     *
     * @param x         x values, ascending (e.g. epoch milliseconds or bar index)
     * @param y         y values; {@code NaN} marks a missing value
     * @param from      first index, inclusive
     * @param to        last index, exclusive
     * @param threshold how many points to keep, at least 3
     * @return the reduced series; the input itself (as a copy of the range) when it has no more than
     *         {@code threshold} points
     */
    public static ReducedSeries reduce(double[] x, double[] y, int from, int to, int threshold) {
        checkArguments(x, y, from, to, threshold);
        int capacity = Math.min(to - from, threshold);
        double[] outX = new double[capacity];
        double[] outY = new double[capacity];
        int[] outIndex = new int[capacity];
        int count = reduce(x, y, from, to, threshold, outX, outY, outIndex);
        return new ReducedSeries(outX, outY, outIndex, count);
    }

    /** Reduces the whole of {@code x}/{@code y}; see {@link #reduce(double[], double[], int, int, int)}. */
    public static ReducedSeries reduce(double[] x, double[] y, int threshold) {
        Objects.requireNonNull(x, "x");
        return reduce(x, y, 0, x.length, threshold);
    }

    /**
     * Allocation-free form: writes the kept points to {@code outX}, {@code outY} and their source indices
     * to {@code outIndex} (which may be {@code null}), each of length at least
     * {@code min(to - from, threshold)}.
     *
     * @return how many points were written
     */
    public static int reduce(double[] x, double[] y, int from, int to, int threshold,
                             double[] outX, double[] outY, int[] outIndex) {
        checkArguments(x, y, from, to, threshold);
        int n = to - from;
        int capacity = Math.min(n, threshold);
        Objects.requireNonNull(outX, "outX");
        Objects.requireNonNull(outY, "outY");
        if (outX.length < capacity || outY.length < capacity || (outIndex != null && outIndex.length < capacity)) {
            throw new IllegalArgumentException("output arrays hold fewer than " + capacity + " points");
        }
        if (n <= threshold) {
            System.arraycopy(x, from, outX, 0, n);
            System.arraycopy(y, from, outY, 0, n);
            if (outIndex != null) {
                for (int i = 0; i < n; i++) {
                    outIndex[i] = from + i;
                }
            }
            return n;
        }
        int written = 0;
        written = keep(x, y, from, outX, outY, outIndex, written);
        // The anchor is the last kept point with a finite value; a kept gap does not move it.
        double anchorX = x[from];
        double anchorY = y[from];
        double every = (double) (n - 2) / (threshold - 2);
        for (int bucket = 0; bucket < threshold - 2; bucket++) {
            int start = from + 1 + (int) (bucket * every);
            int end = from + 1 + (int) ((bucket + 1) * every);
            int nextEnd = Math.min(from + 1 + (int) ((bucket + 2) * every), to);
            if (bucket == threshold - 3) {
                end = to - 1;
                nextEnd = to;
            }
            // Mean of the next bucket's finite points (for the last bucket: the last point).
            double sumX = 0;
            double sumY = 0;
            int finite = 0;
            for (int j = end; j < nextEnd; j++) {
                double v = y[j];
                if (v == v) {
                    sumX += x[j];
                    sumY += v;
                    finite++;
                }
            }
            double meanX = finite > 0 ? sumX / finite : anchorX;
            double meanY = finite > 0 ? sumY / finite : anchorY;
            boolean anchored = anchorY == anchorY;
            int best = start;
            double bestArea = -1;
            for (int j = start; j < end; j++) {
                double v = y[j];
                if (v != v) {
                    continue;
                }
                // Twice the triangle's area; without a finite anchor, the distance from the mean.
                double area = anchored
                        ? Math.abs((anchorX - meanX) * (v - anchorY) - (anchorX - x[j]) * (meanY - anchorY))
                        : Math.abs(v - meanY);
                if (area > bestArea) {
                    bestArea = area;
                    best = j;
                }
            }
            written = keep(x, y, best, outX, outY, outIndex, written);
            if (y[best] == y[best]) {
                anchorX = x[best];
                anchorY = y[best];
            }
        }
        return keep(x, y, to - 1, outX, outY, outIndex, written);
    }

    private static int keep(double[] x, double[] y, int index, double[] outX, double[] outY, int[] outIndex,
                            int written) {
        outX[written] = x[index];
        outY[written] = y[index];
        if (outIndex != null) {
            outIndex[written] = index;
        }
        return written + 1;
    }

    private static void checkArguments(double[] x, double[] y, int from, int to, int threshold) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (x.length != y.length) {
            throw new IllegalArgumentException("x has " + x.length + " values but y has " + y.length);
        }
        Objects.checkFromToIndex(from, to, x.length);
        if (threshold < 3) {
            throw new IllegalArgumentException("threshold must be at least 3, got " + threshold);
        }
    }
}
