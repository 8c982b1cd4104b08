package dev.candela.cpu.momentum;

import dev.candela.cpu.CpuIndicator;
import dev.candela.cpu.kernel.TrueRange;
import dev.candela.spi.BarBatch;
import dev.candela.spi.Category;
import dev.candela.spi.Column;
import dev.candela.spi.IndicatorOutput;
import dev.candela.spi.IndicatorState;
import dev.candela.spi.Parameters;
import dev.candela.spi.PriceField;
import dev.candela.spi.StateReader;
import dev.candela.spi.StateWriter;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * {@code trange}: Wilder's true range, {@code max(high - low, |close[i-1] - high|, |close[i-1] - low|)};
 * lookback 1, as bar 0 has no previous close.
 */
final class TrueRangeIndicator extends CpuIndicator {

    TrueRangeIndicator() {
        super("trange", Category.VOLATILITY, "True Range", EnumSet.of(PriceField.HIGH, PriceField.LOW, PriceField.CLOSE),
                List.of("value"));
    }

    @Override
    public int lookback(Parameters p) {
        return 1;
    }

    @Override
    protected void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        Column h = bars.column(PriceField.HIGH, symbol);
        Column l = bars.column(PriceField.LOW, symbol);
        Column c = bars.column(PriceField.CLOSE, symbol);
        TrueRange.series(h.array(), h.offset(), l.array(), l.offset(), c.array(), c.offset(), out.array(0, symbol), 0,
                bars.barCount());
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new State();
    }

    static final class State implements IndicatorState {
        private long count;
        private double previousClose;
        private double value = Double.NaN;

        @Override
        public void update(long timestamp, double open, double high, double low, double close, double volume) {
            value = count++ == 0 ? Double.NaN : TrueRange.of(high, low, previousClose);
            previousClose = close;
        }

        @Override
        public double value(int output) {
            Objects.checkIndex(output, 1);
            return value;
        }

        @Override
        public long barsSeen() {
            return count;
        }

        @Override
        public void save(StateWriter out) {
            out.putLong("count", count);
            out.putDouble("previousClose", previousClose);
            out.putDouble("value", value);
        }

        @Override
        public void restore(StateReader in) {
            long savedCount = in.getLong("count");
            if (savedCount < 0) {
                throw new IllegalStateException("state: negative bar count " + savedCount);
            }
            count = savedCount;
            previousClose = in.getDouble("previousClose");
            value = in.getDouble("value");
        }
    }
}
