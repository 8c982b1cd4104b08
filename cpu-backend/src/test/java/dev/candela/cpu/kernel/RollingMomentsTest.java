package dev.candela.cpu.kernel;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MInteger;
import dev.candela.tck.TaLibOutputs;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RollingMomentsTest {

    private static double[] randomWalk(int n, long seed) {
        Random random = new Random(seed);
        double[] x = new double[n];
        double price = 25_000;
        for (int i = 0; i < n; i++) {
            price += random.nextGaussian() * 20;
            x[i] = price;
        }
        return x;
    }

    @Test
    void meanAndVarianceEqualTaLibsSmaAndVarBitForBitAcrossBlocks() {
        double[] x = randomWalk(3 * RollingMoments.BLOCK + 123, 5);
        int n = x.length;
        Core core = new Core();
        for (int period : new int[] {1, 2, 20, 500}) {
            double[] mean = new double[n];
            double[] variance = new double[n];
            RollingMoments.meanAndVariance(x, 0, mean, variance, 0, n, period);
            MInteger begin = new MInteger();
            MInteger count = new MInteger();
            double[] out = new double[n];
            core.variance(0, n - 1, x, period, 1.0, begin, count, out);
            assertArrayEquals(TaLibOutputs.place(n, begin, count, out), variance, "variance of period " + period);
            if (period > 1) {
                core.sma(0, n - 1, x, period, begin, count, out);
                assertArrayEquals(TaLibOutputs.place(n, begin, count, out), mean, "mean of period " + period);
            }
        }
    }

    @Test
    void fourWindowsInOneLoopEqualEachWindowAloneBitForBitAcrossBlocks() {
        int n = 2 * RollingMoments.BLOCK + 77;
        for (int period : new int[] {1, 2, 20, 300}) {
            RollingMoments.Window[] four = new RollingMoments.Window[4];
            double[][] x = new double[4][];
            double[][] mean = new double[4][n];
            double[][] variance = new double[4][n];
            for (int j = 0; j < 4; j++) {
                // Inputs at different offsets, as symbols of a batch may be.
                double[] walk = randomWalk(n, 20 + j);
                x[j] = new double[n + 3 * j];
                System.arraycopy(walk, 0, x[j], 3 * j, n);
                four[j] = new RollingMoments.Window(x[j], 3 * j, n, period);
            }
            for (int from = four[0].first(); from < n; from += RollingMoments.BLOCK) {
                RollingMoments.nextFour(four, mean, variance, Math.min(n, from + RollingMoments.BLOCK));
            }
            for (int j = 0; j < 4; j++) {
                double[] aloneMean = new double[n];
                double[] aloneVariance = new double[n];
                RollingMoments.meanAndVariance(x[j], 3 * j, aloneMean, aloneVariance, 0, n, period);
                for (int i = period - 1; i < n; i++) {
                    assertEquals(aloneMean[i], mean[j][i], 0.0, "period " + period + " lane " + j + " mean at " + i);
                    assertEquals(aloneVariance[i], variance[j][i], 0.0, "period " + period + " lane " + j + " at " + i);
                }
            }
        }
    }

    @Test
    void windowWritesAtAnOffsetAndReadsFromOne() {
        double[] x = randomWalk(1_000, 9);
        double[] shifted = new double[x.length + 7];
        System.arraycopy(x, 0, shifted, 7, x.length);
        double[] mean = new double[x.length];
        double[] variance = new double[x.length];
        RollingMoments.meanAndVariance(x, 0, mean, variance, 0, x.length, 10);
        double[] mean2 = new double[x.length + 3];
        double[] variance2 = new double[x.length + 3];
        RollingMoments.meanAndVariance(shifted, 7, mean2, variance2, 3, x.length, 10);
        for (int i = 0; i < x.length; i++) {
            assertEquals(mean[i], mean2[i + 3]);
            assertEquals(variance[i], variance2[i + 3]);
        }
    }

    @Test
    void standardDeviationTreatsVariancesBelowTaLibsEpsilonAsZero() {
        double[] variance = {4.0, 5e-9, -1e-7, Double.NaN, 1e-8};
        double[] deviation = new double[variance.length];
        RollingMoments.standardDeviation(variance, deviation, 0, variance.length);
        double[] expected = {2.0, 0.0, 0.0, Double.NaN, 1e-4};
        assertArrayEquals(expected, deviation, 1e-18);
        for (int i = 0; i < variance.length; i++) {
            assertEquals(expected[i], RollingMoments.standardDeviation(variance[i]), 1e-18, "scalar form of " + variance[i]);
        }
    }
}
