package dev.candela.gpu.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RollingWindowsTest {
    private static final int BARS = 300;

    /** Small integers, so that ties are frequent and sums are exact. */
    private static double[][] integers(int seed) {
        Random random = new Random(seed);
        double[][] x = new double[2][BARS];
        for (double[] row : x) {
            for (int i = 0; i < BARS; i++) {
                row[i] = random.nextInt(7) - 3;
            }
        }
        return x;
    }

    @ParameterizedTest(name = "window {0}")
    @ValueSource(ints = {1, 2, 3, 5, 8, 13, 14, 15, 31, 37, 64, 100})
    void sumsMaximaAndMinimaEqualThoseOfEachWindow(int w) {
        double[][] x = integers(w);
        INDArray device = Matrices.device(x);

        double[][] sum = Matrices.host(RollingWindows.sum(device, w));
        double[][] max = Matrices.host(RollingWindows.max(device, w));
        double[][] min = Matrices.host(RollingWindows.min(device, w));

        for (int r = 0; r < x.length; r++) {
            for (int i = w - 1; i < BARS; i++) {
                double[] window = Arrays.copyOfRange(x[r], i - w + 1, i + 1);
                assertEquals(Arrays.stream(window).sum(), sum[r][i], 0.0, "sum at " + i);
                assertEquals(Arrays.stream(window).max().orElseThrow(), max[r][i], 0.0, "max at " + i);
                assertEquals(Arrays.stream(window).min().orElseThrow(), min[r][i], 0.0, "min at " + i);
            }
        }
    }

    @ParameterizedTest(name = "window {0}")
    @ValueSource(ints = {1, 2, 3, 6, 7, 16, 30, 45})
    void weightedSumGivesTheNewestBarTheWindowLengthAsWeight(int w) {
        double[][] x = integers(100 + w);

        double[][] weighted = Matrices.host(RollingWindows.weightedSum(Matrices.device(x), w));

        for (int r = 0; r < x.length; r++) {
            for (int i = w - 1; i < BARS; i++) {
                double expected = 0;
                for (int m = 0; m < w; m++) {
                    expected += (w - m) * x[r][i - m];
                }
                assertEquals(expected, weighted[r][i], 0.0, "bar " + i);
            }
        }
    }

    @ParameterizedTest(name = "window {0}")
    @ValueSource(ints = {1, 2, 3, 4, 11, 15, 26})
    void barsSinceTheExtremeCountTheMostRecentOccurrenceOnTies(int w) {
        double[][] x = integers(200 + w);
        INDArray device = Matrices.device(x);

        double[][] sinceMax = Matrices.host(RollingWindows.barsSinceMax(device, w));
        double[][] sinceMin = Matrices.host(RollingWindows.barsSinceMin(device, w));

        for (int r = 0; r < x.length; r++) {
            for (int i = w - 1; i < BARS; i++) {
                int atMax = i;
                int atMin = i;
                for (int j = i; j > i - w; j--) {
                    if (x[r][j] > x[r][atMax]) {
                        atMax = j;
                    }
                    if (x[r][j] < x[r][atMin]) {
                        atMin = j;
                    }
                }
                assertEquals(i - atMax, sinceMax[r][i], 0.0, "bars since max at " + i);
                assertEquals(i - atMin, sinceMin[r][i], 0.0, "bars since min at " + i);
            }
        }
    }

    /**
     * TA-Lib's one-pass running moments, written out as its VAR function runs them: add the newest value and
     * its square, read {@code sum / w} and {@code sumSq / w - mean^2}, subtract the oldest.
     */
    private static double[][] sequentialMoments(double[] x, int w) {
        double[] mean = new double[x.length];
        double[] variance = new double[x.length];
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i];
            squares += x[i] * x[i];
            double m = sum / w;
            mean[i] = m;
            variance[i] = squares / w - m * m;
            if (i >= w - 1) {
                sum -= x[i - w + 1];
                squares -= x[i - w + 1] * x[i - w + 1];
            }
        }
        return new double[][] {mean, variance};
    }

    @ParameterizedTest(name = "window {0}")
    @ValueSource(ints = {2, 5, 20, 257, 300})
    void runningMomentsReplayTaLibsOnePassRoundingBitForBit(int w) {
        // Long walks at BTC's price level with flat stretches: the one-pass rounding piles up and shows.
        double[][] prices = Matrices.walks(new Random(w), 3, 50_000, 28_000, 15);
        Arrays.fill(prices[0], 30_000, 31_000, 28_080.12);
        Arrays.fill(prices[2], 49_000, 50_000, 1_789.52);

        INDArray[] moments = RollingWindows.runningMoments(Matrices.device(prices), w);
        double[][] mean = Matrices.host(moments[0]);
        double[][] variance = Matrices.host(moments[1]);

        boolean inexactSomewhere = false;
        for (int r = 0; r < prices.length; r++) {
            double[][] expected = sequentialMoments(prices[r], w);
            for (int i = w - 1; i < prices[r].length; i++) {
                assertEquals(expected[0][i], mean[r][i], 0.0, "row " + r + " mean at " + i);
                assertEquals(expected[1][i], variance[r][i], 0.0, "row " + r + " variance at " + i);
            }
        }
        for (int i = 30_000 + w; i < 31_000; i++) {
            inexactSomewhere |= variance[0][i] != 0.0;
        }
        // The replay is only worth its name where the one-pass variance differs from the exact one.
        assertEquals(true, inexactSomewhere, "flat windows' one-pass variances are rounding, not 0");
    }

    @Test
    void runningMomentsOfAWindowLongerThanTheSeriesAreThoseOfTheBarsSoFar() {
        INDArray[] moments = RollingWindows.runningMoments(Matrices.device(new double[][] {{1, 2, 3}}), 10);

        assertArrayEquals(new double[] {0.1, 0.3, 0.6}, Matrices.hostRow(moments[0]), 1e-15);
        assertArrayEquals(new long[] {1, 3}, moments[1].shape());
    }

    @ParameterizedTest(name = "window {0}")
    @ValueSource(ints = {2, 5, 20, 257, 300})
    void centeredMomentsEqualExactArithmeticOnPriceLevels(int w) {
        double[][] prices = Matrices.walks(new Random(w), 2, 1200, 28_000, 15);
        // Flat stretches, where the exact variance is 0.
        Arrays.fill(prices[0], 400, 700, 28_080.12);
        Arrays.fill(prices[1], 900, 1200, 1_789.52);

        INDArray[] moments = RollingWindows.centeredMoments(Matrices.device(prices), w);
        double[][] mean = Matrices.host(moments[0]);
        double[][] variance = Matrices.host(moments[1]);

        MathContext mc = MathContext.DECIMAL128;
        for (int r = 0; r < prices.length; r++) {
            for (int i = w - 1; i < prices[r].length; i += 7) {
                BigDecimal sum = BigDecimal.ZERO;
                for (int m = i - w + 1; m <= i; m++) {
                    sum = sum.add(new BigDecimal(prices[r][m]));
                }
                BigDecimal exactMean = sum.divide(BigDecimal.valueOf(w), mc);
                BigDecimal squares = BigDecimal.ZERO;
                for (int m = i - w + 1; m <= i; m++) {
                    BigDecimal d = new BigDecimal(prices[r][m]).subtract(exactMean);
                    squares = squares.add(d.multiply(d));
                }
                double exactVariance = squares.divide(BigDecimal.valueOf(w), mc).doubleValue();
                assertEquals(exactMean.doubleValue(), mean[r][i], 1e-14 * exactMean.doubleValue(), "mean at " + i);
                // The project's agreement rule, which one-pass moments of prices this size would miss.
                assertEquals(exactVariance, variance[r][i], 1e-9 * Math.max(1, exactVariance), "variance at " + i);
            }
        }
        assertEquals(0.0, variance[0][699], 1e-12, "a flat window has no variance");
        assertEquals(0.0, variance[1][1199], 1e-12, "a flat window has no variance");
    }

    @Test
    void centeredMomentsOfAWindowLongerThanTheSeriesStayFinite() {
        double[][] x = {{1, 2, 3}};

        INDArray[] moments = RollingWindows.centeredMoments(Matrices.device(x), 10);

        for (double v : Matrices.hostRow(moments[1])) {
            assertEquals(false, Double.isNaN(v) || Double.isInfinite(v));
        }
        assertArrayEquals(new long[] {1, 3}, moments[0].shape());
    }
}
