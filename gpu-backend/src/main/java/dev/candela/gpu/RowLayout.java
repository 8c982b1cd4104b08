package dev.candela.gpu;

import dev.candela.spi.BarBatch;
import dev.candela.spi.Column;
import dev.candela.spi.PriceField;

import java.util.Arrays;

/**
 * How each symbol of an aligned batch becomes one device row. A symbol with every bar is copied as is. A
 * symbol with missing bars is compacted: its own bars in a row from the start, so that it is computed as if
 * alone (as the CPU path does), and padded after its last bar with that bar's values, which no earlier bar
 * can see. Results go back to the batch's time index with NaN at the missing bars.
 */
final class RowLayout {
    private final int bars;
    /** Bar indices present, for symbols with holes; {@code null} for complete symbols. */
    private final int[][] present;

    private RowLayout(int bars, int[][] present) {
        this.bars = bars;
        this.present = present;
    }

    static RowLayout of(BarBatch batch) {
        int symbols = batch.symbolCount();
        int bars = batch.barCount();
        int[][] present = new int[symbols][];
        int[] scratch = new int[bars];
        for (int s = 0; s < symbols; s++) {
            int count = 0;
            for (int i = 0; i < bars; i++) {
                if (batch.hasBar(s, i)) {
                    scratch[count++] = i;
                }
            }
            present[s] = count == bars ? null : Arrays.copyOf(scratch, count);
        }
        return new RowLayout(bars, present);
    }

    int bars() {
        return bars;
    }

    boolean complete(int symbol) {
        return present[symbol] == null;
    }

    /**
     * Writes the row of {@code field} for {@code symbol} into {@code row[offset, offset + bars)}: the
     * symbol's bars from the start, then the last of them repeated (zeros for a symbol without bars).
     */
    void fillRow(BarBatch batch, PriceField field, int symbol, double[] row, int offset) {
        Column column = batch.column(field, symbol);
        int[] index = present[symbol];
        if (index == null) {
            column.copyTo(0, row, offset, bars);
            return;
        }
        double[] source = column.array();
        int base = column.offset();
        for (int j = 0; j < index.length; j++) {
            row[offset + j] = source[base + index[j]];
        }
        double last = index.length == 0 ? 0.0 : row[offset + index.length - 1];
        Arrays.fill(row, offset + index.length, offset + bars, last);
    }

    /**
     * Puts a computed row back onto the batch's time index: {@code NaN} before the lookback (counted in the
     * symbol's own bars) and at missing bars, the row's values elsewhere.
     */
    void scatterRow(double[] row, int offset, int lookback, int symbol, double[] target) {
        int[] index = present[symbol];
        if (index == null) {
            int start = Math.min(Math.max(lookback, 0), bars);
            Arrays.fill(target, 0, start, Double.NaN);
            System.arraycopy(row, offset + start, target, start, bars - start);
            return;
        }
        Arrays.fill(target, Double.NaN);
        for (int j = Math.max(lookback, 0); j < index.length; j++) {
            target[index[j]] = row[offset + j];
        }
    }
}
