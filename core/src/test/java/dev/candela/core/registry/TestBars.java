package dev.candela.core.registry;

import dev.candela.spi.BarBatch;
import dev.candela.spi.Column;
import dev.candela.spi.PriceField;

/** A minimal batch where every field of symbol s is the given close series. */
public record TestBars(double[][] closes) implements BarBatch {
    @Override
    public int symbolCount() {
        return closes.length;
    }

    @Override
    public int barCount() {
        return closes[0].length;
    }

    @Override
    public String symbol(int symbol) {
        return "S" + symbol;
    }

    @Override
    public long timestamp(int bar) {
        return bar * 60_000L;
    }

    @Override
    public Column column(PriceField field, int symbol) {
        return Column.of(closes[symbol]);
    }
}
