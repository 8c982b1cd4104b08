package dev.candela.core.compute;

import dev.candela.spi.BarBatch;
import dev.candela.spi.Column;
import dev.candela.spi.IndicatorOutput;
import dev.candela.spi.PriceField;

import java.util.Objects;

/** Views of a contiguous range of symbols of a batch and of its outputs, for splitting work by symbol. */
final class SymbolRange {
    private SymbolRange() {
    }

    static BarBatch of(BarBatch bars, int from, int to) {
        Objects.checkFromToIndex(from, to, bars.symbolCount());
        if (from == 0 && to == bars.symbolCount()) {
            return bars;
        }
        return new BarBatch() {
            @Override
            public int symbolCount() {
                return to - from;
            }

            @Override
            public int barCount() {
                return bars.barCount();
            }

            @Override
            public String symbol(int symbol) {
                return bars.symbol(from + Objects.checkIndex(symbol, to - from));
            }

            @Override
            public long timestamp(int bar) {
                return bars.timestamp(bar);
            }

            @Override
            public Column column(PriceField field, int symbol) {
                return bars.column(field, from + Objects.checkIndex(symbol, to - from));
            }

            @Override
            public boolean hasBar(int symbol, int bar) {
                return bars.hasBar(from + Objects.checkIndex(symbol, to - from), bar);
            }
        };
    }

    static IndicatorOutput of(IndicatorOutput out, int from, int to) {
        Objects.checkFromToIndex(from, to, out.symbolCount());
        if (from == 0 && to == out.symbolCount()) {
            return out;
        }
        return new IndicatorOutput() {
            @Override
            public int outputCount() {
                return out.outputCount();
            }

            @Override
            public int symbolCount() {
                return to - from;
            }

            @Override
            public int barCount() {
                return out.barCount();
            }

            @Override
            public double[] array(int output, int symbol) {
                return out.array(output, from + Objects.checkIndex(symbol, to - from));
            }
        };
    }
}
