package dev.candela.core.compute;

import dev.candela.core.data.SymbolBatch;
import dev.candela.spi.BarBatch;
import dev.candela.spi.Column;
import dev.candela.spi.IndicatorOutput;
import dev.candela.spi.PriceField;

import java.util.Arrays;

/**
 * One symbol of an aligned batch with its missing bars taken out, so an indicator sees the symbol's own
 * bars in a row, as if it had been computed alone; {@link #scatter} puts the results back on the batch's
 * time index with NaN where the symbol had no bar.
 */
final class CompactedSymbol implements BarBatch {
    private final String symbol;
    private final int[] barIndex;
    private final long[] timestamps;
    private final double[][] fields;

    private CompactedSymbol(String symbol, int[] barIndex, long[] timestamps, double[][] fields) {
        this.symbol = symbol;
        this.barIndex = barIndex;
        this.timestamps = timestamps;
        this.fields = fields;
    }

    /**
     * Whether {@code symbol} lacks a bar anywhere on the batch's index. A {@link SymbolBatch} counts its
     * presence flags in one tight loop (about 0.16 ns per bar on a 1,000 x 10,000 batch, against about 0.6
     * for asking {@link BarBatch#hasBar} bar by bar): the engine asks this of every symbol on every call.
     */
    static boolean hasHoles(BarBatch bars, int symbol) {
        if (bars instanceof SymbolBatch batch) {
            return batch.barsPresent(symbol) < batch.barCount();
        }
        for (int i = 0, n = bars.barCount(); i < n; i++) {
            if (!bars.hasBar(symbol, i)) {
                return true;
            }
        }
        return false;
    }

    static CompactedSymbol of(BarBatch bars, int symbol) {
        int n = bars.barCount();
        int[] index = new int[n];
        int present = 0;
        for (int i = 0; i < n; i++) {
            if (bars.hasBar(symbol, i)) {
                index[present++] = i;
            }
        }
        index = Arrays.copyOf(index, present);
        long[] times = new long[present];
        PriceField[] all = PriceField.values();
        double[][] fields = new double[all.length][present];
        for (int f = 0; f < all.length; f++) {
            Column c = bars.column(all[f], symbol);
            double[] src = c.array();
            int off = c.offset();
            for (int j = 0; j < present; j++) {
                fields[f][j] = src[off + index[j]];
            }
        }
        for (int j = 0; j < present; j++) {
            times[j] = bars.timestamp(index[j]);
        }
        return new CompactedSymbol(bars.symbol(symbol), index, times, fields);
    }

    /** Writes {@code compact}'s values into {@code symbol} of {@code target}, NaN at missing bars. */
    void scatter(IndicatorOutput compact, IndicatorOutput target, int symbol) {
        for (int k = 0; k < compact.outputCount(); k++) {
            double[] from = compact.array(k, 0);
            double[] to = target.array(k, symbol);
            Arrays.fill(to, Double.NaN);
            for (int j = 0; j < barIndex.length; j++) {
                to[barIndex[j]] = from[j];
            }
        }
    }

    @Override
    public int symbolCount() {
        return 1;
    }

    @Override
    public int barCount() {
        return barIndex.length;
    }

    @Override
    public String symbol(int s) {
        return symbol;
    }

    @Override
    public long timestamp(int bar) {
        return timestamps[bar];
    }

    @Override
    public Column column(PriceField field, int s) {
        return Column.of(fields[field.ordinal()]);
    }

    @Override
    public boolean hasBar(int s, int bar) {
        return true;
    }
}
