package dev.candela.cpu.kernel;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RollingExtremesTest {
    private static final double NaN = Double.NaN;
    private static final double[] SERIES = {4, 2, 7, 7, 1, 3, 5};

    private static double[] run(String kernel, double[] in, int window) {
        double[] out = new double[in.length];
        Arrays.fill(out, -999);
        switch (kernel) {
            case "max" -> RollingExtremes.max(in, 0, out, 0, in.length, window);
            case "min" -> RollingExtremes.min(in, 0, out, 0, in.length, window);
            case "sinceMax" -> RollingExtremes.barsSinceMax(in, 0, out, 0, in.length, window);
            case "sinceMin" -> RollingExtremes.barsSinceMin(in, 0, out, 0, in.length, window);
            default -> throw new IllegalArgumentException(kernel);
        }
        return out;
    }

    @Test
    void maxAndMinOfAHandWorkedSeries() {
        assertArrayEquals(new double[] {NaN, NaN, 7, 7, 7, 7, 5}, run("max", SERIES, 3));
        assertArrayEquals(new double[] {NaN, NaN, 2, 2, 1, 1, 1}, run("min", SERIES, 3));
    }

    @Test
    void barsSinceTheExtremeCountsTheMostRecentOfTiedValues() {
        // The two 7s at bars 2 and 3: from bar 3 on the age is measured from bar 3.
        assertArrayEquals(new double[] {NaN, NaN, 0, 0, 1, 2, 0}, run("sinceMax", SERIES, 3));
        assertArrayEquals(new double[] {NaN, NaN, 1, 2, 0, 1, 2}, run("sinceMin", SERIES, 3));
        assertArrayEquals(new double[] {NaN, NaN, 0, 1}, run("sinceMin", new double[] {3, 1, 1, 2}, 3));
    }

    @Test
    void aWindowHoldingANaNIsNaNAndRecoversOnceItLeaves() {
        double[] in = {1, NaN, 3, 4, 5, 2};
        assertArrayEquals(new double[] {NaN, NaN, NaN, 4, 5, 5}, run("max", in, 2));
        assertArrayEquals(new double[] {NaN, NaN, NaN, 3, 4, 2}, run("min", in, 2));
        assertArrayEquals(new double[] {NaN, NaN, NaN, 0, 0, 1}, run("sinceMax", in, 2));
    }

    @Test
    void aWindowOfOneIsTheInputItself() {
        assertArrayEquals(SERIES, run("max", SERIES, 1));
        assertArrayEquals(SERIES, run("min", SERIES, 1));
        assertArrayEquals(new double[SERIES.length], run("sinceMax", SERIES, 1));
    }

    @Test
    void aSeriesShorterThanTheWindowIsAllNaN() {
        assertArrayEquals(new double[] {NaN, NaN, NaN}, run("max", new double[] {1, 2, 3}, 4));
        assertArrayEquals(new double[] {NaN, NaN, NaN}, run("sinceMin", new double[] {1, 2, 3}, 4));
    }

    @Test
    void readsAndWritesOnlyTheGivenRanges() {
        double[] in = {100, 100, 4, 2, 7, 100};
        double[] out = {-1, -1, -1, -1, -1, -1};
        RollingExtremes.min(in, 2, out, 1, 3, 2);
        assertArrayEquals(new double[] {-1, NaN, 2, 2, -1, -1}, out);
    }

    @Test
    void matchesABruteForceScanOnDataFullOfTies() {
        SplittableRandom random = new SplittableRandom(7);
        double[] in = new double[600];
        for (int i = 0; i < in.length; i++) {
            in[i] = random.nextInt(6);
        }
        for (int window : new int[] {1, 2, 3, 7, 50, 599, 600}) {
            double[] max = run("max", in, window);
            double[] min = run("min", in, window);
            double[] sinceMax = run("sinceMax", in, window);
            double[] sinceMin = run("sinceMin", in, window);
            for (int i = window - 1; i < in.length; i++) {
                int hi = i - window + 1;
                int lo = hi;
                for (int j = i - window + 1; j <= i; j++) {
                    if (in[j] >= in[hi]) {
                        hi = j;
                    }
                    if (in[j] <= in[lo]) {
                        lo = j;
                    }
                }
                assertEquals(in[hi], max[i], "max, window " + window + ", bar " + i);
                assertEquals(in[lo], min[i], "min, window " + window + ", bar " + i);
                assertEquals(i - hi, sinceMax[i], "bars since max, window " + window + ", bar " + i);
                assertEquals(i - lo, sinceMin[i], "bars since min, window " + window + ", bar " + i);
            }
        }
    }

    @Test
    void rejectsAWindowBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> run("max", SERIES, 0));
    }
}
