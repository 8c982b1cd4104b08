package dev.candela.gpu.kernel;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.profiler.OpProfiler;
import org.nd4j.linalg.profiler.ProfilerConfig;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChunkedScanTest {

    @AfterEach
    void profilingOff() {
        Nd4j.getExecutioner().setProfilingConfig(ProfilerConfig.builder().build());
    }

    /** y[i] = a * y[i-1] + u[i], one bar at a time. */
    private static double[][] sequential(double[][] u, double a) {
        double[][] y = new double[u.length][];
        for (int r = 0; r < u.length; r++) {
            y[r] = new double[u[r].length];
            double previous = 0;
            for (int i = 0; i < u[r].length; i++) {
                previous = a * previous + u[r][i];
                y[r][i] = previous;
            }
        }
        return y;
    }

    /** y[i] = (e[i] == 1 ? a : 1) * y[i-1] + u[i]. */
    private static double[][] sequentialGated(double[][] u, double[][] e, double a) {
        double[][] y = new double[u.length][];
        for (int r = 0; r < u.length; r++) {
            y[r] = new double[u[r].length];
            double previous = 0;
            for (int i = 0; i < u[r].length; i++) {
                previous = (e[r][i] == 1 ? a : 1.0) * previous + u[r][i];
                y[r][i] = previous;
            }
        }
        return y;
    }

    private static double[][] randomInput(Random random, int rows, int n) {
        double[][] u = new double[rows][n];
        for (double[] row : u) {
            for (int i = 0; i < n; i++) {
                row[i] = 100 * random.nextGaussian();
            }
        }
        return u;
    }

    private static void assertClose(double[][] expected, double[][] actual, double tolerance) {
        for (int r = 0; r < expected.length; r++) {
            for (int i = 0; i < expected[r].length; i++) {
                double scale = Math.max(1.0, Math.abs(expected[r][i]));
                assertEquals(expected[r][i], actual[r][i], tolerance * scale, "row " + r + " bar " + i);
            }
        }
    }

    @ParameterizedTest(name = "a={0}, bars={1}, chunk={2}")
    @CsvSource({"0.5, 1, 64", "0.9, 63, 64", "0.9, 64, 64", "0.9, 65, 64", "0.999, 1000, 64", "0.93, 5000, 4",
            "0.0, 300, 16", "1.0, 700, 8", "0.3333, 129, 2"})
    void linearScanEqualsTheBarByBarRecurrence(double a, int bars, int chunk) {
        double[][] u = randomInput(new Random(bars * 31L + chunk), 3, bars);

        double[][] y = Matrices.host(ChunkedScan.linear(Matrices.device(u), a, chunk));

        assertClose(sequential(u, a), y, 1e-12);
    }

    @Test
    void chunkLengthDoesNotChangeTheResult() {
        double[][] u = randomInput(new Random(7), 2, 3000);
        INDArray input = Matrices.device(u);

        double[][] small = Matrices.host(ChunkedScan.linear(input, 0.97, 4));
        double[][] large = Matrices.host(ChunkedScan.linear(input, 0.97, 256));

        assertClose(small, large, 1e-12);
    }

    @Test
    void rowsAreIndependent() {
        double[][] u = randomInput(new Random(3), 4, 500);
        double[][] together = Matrices.host(ChunkedScan.linear(Matrices.device(u), 0.8, 16));

        for (int r = 0; r < u.length; r++) {
            double[] alone = Matrices.hostRow(ChunkedScan.linear(Matrices.device(u[r]), 0.8, 16));
            assertArrayEquals(alone, together[r], 1e-9, "row " + r);
        }
    }

    @ParameterizedTest(name = "a={0}, bars={1}, chunk={2}")
    @CsvSource({"0.5, 1000, 128", "0.9285714285714286, 3000, 64", "0.5, 200, 7", "0.99, 130, 128"})
    void gatedScanEqualsTheBarByBarRecurrenceWithSkippedBars(double a, int bars, int chunk) {
        Random random = new Random(bars + chunk);
        double[][] u = randomInput(random, 3, bars);
        double[][] e = new double[3][bars];
        for (int r = 0; r < 3; r++) {
            for (int i = 0; i < bars; i++) {
                // Long skipped stretches (a whole chunk and more) as well as isolated ones.
                boolean skipped = (i / 150) % 3 == 1 || random.nextInt(10) == 0;
                e[r][i] = skipped ? 0 : 1;
                if (skipped) {
                    u[r][i] = 0;
                }
            }
        }

        double[][] y = Matrices.host(ChunkedScan.gated(Matrices.device(u), Matrices.device(e), a, chunk));

        assertClose(sequentialGated(u, e, a), y, 1e-11);
    }

    @Test
    void gatedScanWithNothingSkippedIsTheLinearScan() {
        double[][] u = randomInput(new Random(11), 2, 1000);
        double[][] ones = new double[2][1000];
        for (double[] row : ones) {
            java.util.Arrays.fill(row, 1.0);
        }

        double[][] gated = Matrices.host(ChunkedScan.gated(Matrices.device(u), Matrices.device(ones), 0.75));

        assertClose(sequential(u, 0.75), gated, 1e-12);
    }

    private static long deviceCalls(Runnable work) {
        OpProfiler.getInstance().reset();
        Nd4j.getExecutioner().setProfilingConfig(ProfilerConfig.builder().checkElapsedTime(true).build());
        long before = OpProfiler.getInstance().getInvocationsCount();
        work.run();
        long after = OpProfiler.getInstance().getInvocationsCount();
        Nd4j.getExecutioner().setProfilingConfig(ProfilerConfig.builder().build());
        return after - before;
    }

    @Test
    void deviceCallsGrowWithTheLogarithmOfTheBarsNotWithTheBars() {
        INDArray short1 = Matrices.device(randomInput(new Random(1), 2, 1_000));
        INDArray long1 = Matrices.device(randomInput(new Random(1), 2, 200_000));

        long few = deviceCalls(() -> ChunkedScan.linear(short1, 0.9));
        long many = deviceCalls(() -> ChunkedScan.linear(long1, 0.9));

        // 200 times the bars: two more levels of the recursion, a handful of operations each.
        assertTrue(few > 0, "the profiler counted nothing");
        assertTrue(many <= 2 * few, "1,000 bars: " + few + " calls; 200,000 bars: " + many + " calls");
    }
}
