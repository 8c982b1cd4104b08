package dev.candela.benchmarks;

import dev.candela.spi.Column;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MemoryFloorTest {

    @Test
    void writesTheSumOfTheInputsIntoEveryOutputAcrossBlocks() {
        int n = 5_000; // more than two blocks, with a partial last one
        double[] a = new double[n + 7];
        double[] b = new double[n];
        double[] c = new double[n + 3];
        for (int i = 0; i < a.length; i++) {
            a[i] = i;
        }
        for (int i = 0; i < n; i++) {
            b[i] = 1000.0 * i;
        }
        for (int i = 0; i < c.length; i++) {
            c[i] = -0.5;
        }
        Column[] inputs = {Column.of(a, 7, n), Column.of(b), Column.of(c, 3, n)};
        double[][] outputs = new double[2][n];

        double last = new MemoryFloor().readSumWrite(inputs, outputs, n);

        for (int i = 0; i < n; i++) {
            double expected = (i + 7) + 1000.0 * i - 0.5;
            assertEquals(expected, outputs[0][i], 0.0, "output 0 at " + i);
            assertEquals(expected, outputs[1][i], 0.0, "output 1 at " + i);
        }
        assertEquals((n - 1 + 7) + 1000.0 * (n - 1) - 0.5, last, 0.0);
    }

    @Test
    void copiesASingleInputUnchanged() {
        double[] close = {3.5, -1.25, 8};
        double[][] outputs = new double[1][3];

        new MemoryFloor().readSumWrite(new Column[] {Column.of(close)}, outputs, 3);

        assertEquals(3.5, outputs[0][0]);
        assertEquals(-1.25, outputs[0][1]);
        assertEquals(8.0, outputs[0][2]);
    }

    @Test
    void refusesAPassWithoutInputs() {
        assertThrows(IllegalArgumentException.class,
                () -> new MemoryFloor().readSumWrite(new Column[0], new double[1][1], 1));
    }
}
