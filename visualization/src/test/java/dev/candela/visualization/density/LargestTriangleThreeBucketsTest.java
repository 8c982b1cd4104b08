package dev.candela.visualization.density;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LargestTriangleThreeBucketsTest {

    @Test
    void keepsThePointsComputedByHandForASmallSeries() {
        // n = 7, threshold 4: every = 2.5, buckets {1,2} and {3,4,5}.
        // Bucket {1,2}: anchor (0,0), next mean (4,-1); doubled areas 5 and 22 -> index 2.
        // Bucket {3,4,5}: anchor (2,5), next (6,0); doubled areas 11, 10, 21 -> index 5.
        double[] x = {0, 1, 2, 3, 4, 5, 6};
        double[] y = {0, 1, 5, 1, 0, -4, 0};
        ReducedSeries r = LargestTriangleThreeBuckets.reduce(x, y, 4);
        assertArrayEquals(new int[] {0, 2, 5, 6}, r.indices());
        assertArrayEquals(new double[] {0, 2, 5, 6}, r.xValues());
        assertArrayEquals(new double[] {0, 5, -4, 0}, r.yValues());
    }

    @Test
    void returnsTheSeriesUnchangedWhenItFitsTheThreshold() {
        double[] x = {1, 2, 3};
        double[] y = {3, 1, 2};
        ReducedSeries r = LargestTriangleThreeBuckets.reduce(x, y, 3);
        assertArrayEquals(x, r.xValues());
        assertArrayEquals(y, r.yValues());
        assertArrayEquals(new int[] {0, 1, 2}, r.indices());
    }

    @Test
    void agreesWithAStraightforwardReferenceOnRandomSeries() {
        SplittableRandom random = new SplittableRandom(42);
        for (int trial = 0; trial < 200; trial++) {
            int n = 4 + random.nextInt(3000);
            int threshold = 3 + random.nextInt(Math.max(1, n - 3));
            double[] x = new double[n];
            double[] y = new double[n];
            double level = 0;
            for (int i = 0; i < n; i++) {
                x[i] = i * 1.5 + (i > 0 ? random.nextDouble() : 0);
                level += random.nextGaussian();
                y[i] = level;
            }
            int[] expected = reference(x, y, threshold);
            int[] actual = LargestTriangleThreeBuckets.reduce(x, y, threshold).indices();
            assertArrayEquals(expected, actual, "n=" + n + " threshold=" + threshold);
        }
    }

    @Test
    void keepsFirstAndLastAndExactlyThresholdPointsInAscendingOrderOnePerBucket() {
        SplittableRandom random = new SplittableRandom(7);
        int n = 100_003;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = random.nextDouble();
        }
        int threshold = 997;
        int[] kept = LargestTriangleThreeBuckets.reduce(x, y, threshold).indices();
        assertEquals(threshold, kept.length);
        assertEquals(0, kept[0]);
        assertEquals(n - 1, kept[kept.length - 1]);
        double every = (double) (n - 2) / (threshold - 2);
        for (int b = 0; b < threshold - 2; b++) {
            int start = 1 + (int) (b * every);
            int end = b == threshold - 3 ? n - 1 : 1 + (int) ((b + 1) * every);
            int k = kept[b + 1];
            assertTrue(k >= start && k < end, "bucket " + b + " kept " + k + " outside [" + start + ", " + end + ")");
        }
    }

    @Test
    void keepsTheGlobalExtremesOfASpikySeries() {
        SplittableRandom random = new SplittableRandom(3);
        int n = 1_000_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = 100 + random.nextGaussian();
        }
        int[] spikes = {12_345, 400_001, 777_777};
        y[spikes[0]] = 180;
        y[spikes[1]] = 20;
        y[spikes[2]] = 150;
        ReducedSeries r = LargestTriangleThreeBuckets.reduce(x, y, 800);
        List<Integer> kept = new ArrayList<>();
        for (int index : r.indices()) {
            kept.add(index);
        }
        for (int spike : spikes) {
            assertTrue(kept.contains(spike), "spike at " + spike + " was dropped");
        }
        double max = Double.NEGATIVE_INFINITY;
        double min = Double.POSITIVE_INFINITY;
        for (double v : r.yValues()) {
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        assertEquals(180, max);
        assertEquals(20, min);
    }

    @Test
    void neverPicksAMissingValueWhileItsBucketHasANumberAndKeepsAllMissingBucketsAsGaps() {
        int n = 1000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = i < 100 ? Double.NaN : Math.sin(i / 10.0);
        }
        y[500] = Double.NaN;
        int threshold = 52; // buckets of 19.96 points
        ReducedSeries r = LargestTriangleThreeBuckets.reduce(x, y, threshold);
        double every = (double) (n - 2) / (threshold - 2);
        for (int b = 0; b < threshold - 2; b++) {
            int start = 1 + (int) (b * every);
            int end = b == threshold - 3 ? n - 1 : 1 + (int) ((b + 1) * every);
            boolean anyFinite = false;
            for (int j = start; j < end; j++) {
                anyFinite |= !Double.isNaN(y[j]);
            }
            double kept = r.y()[b + 1];
            assertEquals(anyFinite, !Double.isNaN(kept), "bucket " + b + " [" + start + ", " + end + ")");
        }
    }

    @Test
    void reducesARangeAndReportsIndicesOfTheWholeArray() {
        double[] x = {9, 9, 0, 1, 2, 3, 4, 5, 6, 9};
        double[] y = {9, 9, 0, 1, 5, 1, 0, -4, 0, 9};
        ReducedSeries r = LargestTriangleThreeBuckets.reduce(x, y, 2, 9, 4);
        assertArrayEquals(new int[] {2, 4, 7, 8}, r.indices());
    }

    @Test
    void allocationFreeFormAllocatesNothing() {
        SplittableRandom random = new SplittableRandom(1);
        int n = 200_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = random.nextGaussian();
        }
        double[] outX = new double[1000];
        double[] outY = new double[1000];
        int[] outIndex = new int[1000];
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        LargestTriangleThreeBuckets.reduce(x, y, 0, n, 1000, outX, outY, outIndex);
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int k = 0; k < 50; k++) {
            LargestTriangleThreeBuckets.reduce(x, y, 0, n, 1000, outX, outY, outIndex);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertTrue(allocated < 1024, "50 reductions allocated " + allocated + " bytes");
    }

    @Test
    void rejectsAThresholdBelowThreeAndMismatchedArrays() {
        double[] x = {0, 1, 2, 3};
        assertThrows(IllegalArgumentException.class, () -> LargestTriangleThreeBuckets.reduce(x, x, 2));
        assertThrows(IllegalArgumentException.class,
                () -> LargestTriangleThreeBuckets.reduce(x, new double[] {1, 2}, 3));
        assertThrows(IllegalArgumentException.class,
                () -> LargestTriangleThreeBuckets.reduce(x, x, 0, 4, 3, new double[2], new double[2], null));
        assertFalse(Double.isNaN(LargestTriangleThreeBuckets.reduce(x, x, 3).y()[0]));
    }

    /** LTTB as the paper's pseudo-code reads, with no NaN handling, for series without NaN. */
    private static int[] reference(double[] x, double[] y, int threshold) {
        int n = x.length;
        if (threshold >= n) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        List<Integer> kept = new ArrayList<>();
        kept.add(0);
        double every = (double) (n - 2) / (threshold - 2);
        int a = 0;
        for (int i = 0; i < threshold - 2; i++) {
            int avgStart = (int) Math.floor((i + 1) * every) + 1;
            int avgEnd = Math.min((int) Math.floor((i + 2) * every) + 1, n);
            if (i == threshold - 3) {
                avgStart = n - 1;
                avgEnd = n;
            }
            double avgX = 0;
            double avgY = 0;
            for (int j = avgStart; j < avgEnd; j++) {
                avgX += x[j];
                avgY += y[j];
            }
            avgX /= avgEnd - avgStart;
            avgY /= avgEnd - avgStart;
            int rangeStart = (int) Math.floor(i * every) + 1;
            int rangeEnd = i == threshold - 3 ? n - 1 : (int) Math.floor((i + 1) * every) + 1;
            double maxArea = -1;
            int next = rangeStart;
            for (int j = rangeStart; j < rangeEnd; j++) {
                double area = Math.abs((x[a] - avgX) * (y[j] - y[a]) - (x[a] - x[j]) * (avgY - y[a])) * 0.5;
                if (area > maxArea) {
                    maxArea = area;
                    next = j;
                }
            }
            kept.add(next);
            a = next;
        }
        kept.add(n - 1);
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }
}
