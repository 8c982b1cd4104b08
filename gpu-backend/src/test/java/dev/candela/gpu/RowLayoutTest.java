package dev.candela.gpu;

import dev.candela.spi.PriceField;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RowLayoutTest {

    @Test
    void copiesCompleteSymbolsAndCompactsSymbolsWithMissingBars() {
        TestBatch batch = TestBatch.random(1, 2, 6).withHole(1, 1, 3);
        RowLayout layout = RowLayout.of(batch);
        double[] rows = new double[12];

        layout.fillRow(batch, PriceField.CLOSE, 0, rows, 0);
        layout.fillRow(batch, PriceField.CLOSE, 1, rows, 6);

        assertTrue(layout.complete(0));
        assertFalse(layout.complete(1));
        double[] c0 = batch.column(PriceField.CLOSE, 0).toArray();
        double[] c1 = batch.column(PriceField.CLOSE, 1).toArray();
        assertArrayEquals(c0, java.util.Arrays.copyOfRange(rows, 0, 6));
        // Bars 0, 3, 4, 5 moved to the front, then the last one repeated.
        assertArrayEquals(new double[] {c1[0], c1[3], c1[4], c1[5], c1[5], c1[5]},
                java.util.Arrays.copyOfRange(rows, 6, 12));
    }

    @Test
    void scattersBackWithNanBeforeTheLookbackAndAtMissingBars() {
        TestBatch batch = TestBatch.random(1, 2, 6).withHole(1, 1, 3);
        RowLayout layout = RowLayout.of(batch);
        double[] computed = {10, 11, 12, 13, 14, 15, 20, 21, 22, 23, 99, 99};
        double[] complete = new double[6];
        double[] holey = new double[6];

        layout.scatterRow(computed, 0, 2, 0, complete);
        layout.scatterRow(computed, 6, 1, 1, holey);

        assertArrayEquals(new double[] {Double.NaN, Double.NaN, 12, 13, 14, 15}, complete);
        // The symbol's own bars 0, 3, 4, 5 hold row values 0..3; its lookback of 1 blanks its first bar.
        assertArrayEquals(new double[] {Double.NaN, Double.NaN, Double.NaN, 21, 22, 23}, holey);
    }

    @Test
    void aSymbolWithoutBarsIsAllNan() {
        TestBatch batch = TestBatch.random(1, 1, 4).withHole(0, 0, 4);
        RowLayout layout = RowLayout.of(batch);
        double[] row = new double[4];
        double[] target = new double[4];

        layout.fillRow(batch, PriceField.CLOSE, 0, row, 0);
        layout.scatterRow(row, 0, 0, 0, target);

        assertArrayEquals(new double[4], row);
        assertArrayEquals(new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN}, target);
    }
}
