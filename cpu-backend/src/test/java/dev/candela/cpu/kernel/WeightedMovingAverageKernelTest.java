package dev.candela.cpu.kernel;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class WeightedMovingAverageKernelTest {

    @Test
    void weightsTheNewestValueHeaviestComputedByHand() {
        // wma(3): (1*1 + 2*2 + 3*3) / 6 = 14/6, (1*2 + 2*3 + 3*4) / 6 = 20/6, (1*3 + 2*4 + 3*10) / 6 = 41/6.
        double[] out = new double[5];
        MovingAverages.wma(new double[] {1, 2, 3, 4, 10}, 0, out, 0, 5, 3);
        assertArrayEquals(new double[] {Double.NaN, Double.NaN, 14.0 / 6, 20.0 / 6, 41.0 / 6}, out, 1e-12);
    }

    @Test
    void periodOneCopiesTheInput() {
        double[] in = {0, 3.5, -2, 8};
        double[] out = new double[4];
        MovingAverages.wma(in, 1, out, 1, 3, 1);
        assertArrayEquals(new double[] {0, 3.5, -2, 8}, out);
    }

    @Test
    void periodsBeyondTaLibsThirtyTwoBitDivisorStayCorrect() {
        // 60000 * 60001 overflows an int; the weights of a constant series must still average to it.
        int period = 60_000;
        double[] in = new double[period + 10];
        Arrays.fill(in, 7.25);
        double[] out = new double[in.length];
        MovingAverages.wma(in, 0, out, 0, in.length, period);
        assertEquals(1_800_030_000.0, MovingAverages.wmaDivider(period));
        for (int i = period - 1; i < in.length; i++) {
            assertEquals(7.25, out[i], 1e-9, "bar " + i);
        }
    }
}
