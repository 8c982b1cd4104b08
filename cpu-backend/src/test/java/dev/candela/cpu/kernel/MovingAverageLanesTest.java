package dev.candela.cpu.kernel;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MovingAverageLanesTest {
    private static final int LEN = 5_000;
    private static final double SENTINEL = -777.0;
    private static final int[] PERIODS = {2, 30, 7, 100, 3, 4_999, 5_001};

    /** Seven lanes (a group of four and three left over), each a random walk inside a larger array. */
    private static double[][] inputs(long seed) {
        Random random = new Random(seed);
        double[][] in = new double[PERIODS.length][];
        for (int j = 0; j < in.length; j++) {
            in[j] = new double[LEN + 10 * j + 3];
            double price = 100 + 50 * j;
            for (int i = 0; i < in[j].length; i++) {
                price += random.nextGaussian();
                in[j][i] = price;
            }
        }
        return in;
    }

    private static int[] inOffsets() {
        int[] off = new int[PERIODS.length];
        for (int j = 0; j < off.length; j++) {
            off[j] = 10 * j + 3;
        }
        return off;
    }

    private static double[][] sentinelOutputs(int[] outOff) {
        double[][] out = new double[PERIODS.length][];
        for (int j = 0; j < out.length; j++) {
            out[j] = new double[outOff[j] + LEN + 5];
            Arrays.fill(out[j], SENTINEL);
        }
        return out;
    }

    private interface Single {
        void run(double[] in, int inOff, double[] out, int outOff, int len, int period);
    }

    private interface Lanes {
        void run(double[][] in, int[] inOff, double[][] out, int[] outOff, int len, int[] period);
    }

    private static void assertLanesEqualSingles(Lanes lanes, Single single, int len) {
        double[][] in = inputs(11);
        int[] inOff = inOffsets();
        int[] outOff = {0, 1, 2, 5, 8, 13, 21};
        double[][] together = sentinelOutputs(outOff);
        lanes.run(in, inOff, together, outOff, len, PERIODS.clone());
        for (int j = 0; j < PERIODS.length; j++) {
            double[] alone = new double[together[j].length];
            Arrays.fill(alone, SENTINEL);
            single.run(in[j], inOff[j], alone, outOff[j], len, PERIODS[j]);
            assertArrayEquals(alone, together[j], "lane " + j + " of period " + PERIODS[j]);
            assertEquals(SENTINEL, together[j][outOff[j] + len], "lane " + j + " wrote past its range");
        }
    }

    @Test
    void emaLanesEqualEachSingleWeightedEmaBitForBit() {
        assertLanesEqualSingles(MovingAverages::emaLanes, MovingAverages::emaWeighted, LEN);
    }

    /** The weighted form against TA-Lib's on a long random walk at BTC's price level: its documented bound holds. */
    @Test
    void weightedEmaStaysWithinItsBoundOfTaLibsEma() {
        java.util.Random random = new java.util.Random(3);
        double[] close = new double[400_000];
        double x = 28_000;
        for (int i = 0; i < close.length; i++) {
            x += 15 * random.nextGaussian();
            close[i] = x;
        }
        for (int period : new int[] {2, 20, 1_000, 100_000}) {
            double[] taLib = new double[close.length];
            double[] weighted = new double[close.length];
            MovingAverages.ema(close, 0, taLib, 0, close.length, period);
            MovingAverages.emaWeighted(close, 0, weighted, 0, close.length, period);
            for (int i = period - 1; i < close.length; i++) {
                assertEquals(taLib[i], weighted[i], (period + 1) * 3e-16 * Math.abs(taLib[i]), "period " + period + " bar " + i);
            }
        }
    }

    /** Over a million bars at BTC's price level the two summation orders stay within 1e-12 of each other. */
    @Test
    void smaByChangesStaysCloseToTaLibsRunningSumOverAMillionBars() {
        java.util.Random random = new java.util.Random(4);
        double[] close = new double[1_000_000];
        double x = 28_000;
        for (int i = 0; i < close.length; i++) {
            x = Math.max(100, x + 15 * random.nextGaussian());
            close[i] = x;
        }
        for (int period : new int[] {2, 20, 5_000}) {
            double[] taLib = new double[close.length];
            double[] byChanges = new double[close.length];
            MovingAverages.sma(close, 0, taLib, 0, close.length, period);
            MovingAverages.smaByChanges(close, 0, byChanges, 0, close.length, period);
            for (int i = 0; i < period - 1; i++) {
                assertEquals(Double.NaN, byChanges[i], "warm-up bar " + i);
            }
            for (int i = period - 1; i < close.length; i++) {
                assertEquals(taLib[i], byChanges[i], 1e-12 * taLib[i], "period " + period + " bar " + i);
            }
        }
    }

    @Test
    void smaLanesEqualEachSingleSmaByChangesBitForBit() {
        assertLanesEqualSingles(MovingAverages::smaLanes, MovingAverages::smaByChanges, LEN);
    }

    @Test
    void lanesShorterThanEveryPeriodAreAllNaN() {
        assertLanesEqualSingles(MovingAverages::emaLanes, MovingAverages::emaWeighted, 1);
        assertLanesEqualSingles(MovingAverages::smaLanes, MovingAverages::smaByChanges, 1);
    }

    @Test
    void rejectsLaneArraysOfDifferentLengths() {
        double[][] in = {new double[10], new double[10]};
        assertThrows(IllegalArgumentException.class,
                () -> MovingAverages.emaLanes(in, new int[2], new double[2][10], new int[1], 10, new int[] {2, 2}));
        assertThrows(IllegalArgumentException.class,
                () -> MovingAverages.smaLanes(in, new int[2], new double[2][10], new int[2], 10, new int[] {2, 0}));
    }
}
