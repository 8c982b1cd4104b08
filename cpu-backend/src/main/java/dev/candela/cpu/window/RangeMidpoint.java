package dev.candela.cpu.window;

import dev.candela.cpu.CpuIndicator;
import dev.candela.cpu.kernel.MovingAverages;
import dev.candela.cpu.kernel.RollingExtremes;
import dev.candela.cpu.kernel.RollingRange;
import dev.candela.spi.BarBatch;
import dev.candela.spi.Category;
import dev.candela.spi.Column;
import dev.candela.spi.IndicatorOutput;
import dev.candela.spi.IndicatorState;
import dev.candela.spi.ParameterSpec;
import dev.candela.spi.Parameters;
import dev.candela.spi.PriceField;
import dev.candela.spi.StateReader;
import dev.candela.spi.StateWriter;

import java.util.EnumSet;
import java.util.List;

/**
 * TA-Lib's MIDPOINT and MIDPRICE: {@code (highest + lowest) / 2} over the last {@code period} bars, the
 * highest taken over one price field and the lowest over another (the close for both, or the high and the
 * low). Lookback {@code period - 1}.
 */
abstract sealed class RangeMidpoint extends CpuIndicator permits MidPoint, MidPrice {
    private final PriceField highest;
    private final PriceField lowest;

    RangeMidpoint(String id, String description, PriceField highest, PriceField lowest) {
        super(id, Category.OVERLAP, description, EnumSet.of(highest, lowest), List.of("value"),
                ParameterSpec.ofInt("period", 14, 2, WindowIndicators.MAX_PERIOD, "bars in the window"));
        this.highest = highest;
        this.lowest = lowest;
    }

    @Override
    public final int lookback(Parameters p) {
        return p.getInt(0) - 1;
    }

    @Override
    protected final void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        int period = p.getInt(0);
        int n = bars.barCount();
        double[] result = out.array(0, symbol);
        if (n <= period - 1) {
            MovingAverages.nan(result, 0, n);
            return;
        }
        Column high = bars.column(highest, symbol);
        Column low = bars.column(lowest, symbol);
        RollingExtremes.midpoint(high.array(), high.offset(), low.array(), low.offset(), result, 0, n, period,
                new double[n]);
    }

    @Override
    public final IndicatorState newState(Parameters p) {
        return new State(p.getInt(0), highest == PriceField.CLOSE);
    }

    /** Streaming midpoint: a {@link RollingRange} over the closes, or over the highs and lows. */
    static final class State implements IndicatorState {
        private final RollingRange range;
        private final boolean ofClose;

        State(int period, boolean ofClose) {
            this.range = new RollingRange(period);
            this.ofClose = ofClose;
        }

        @Override
        public void update(long timestamp, double open, double high, double low, double close, double volume) {
            if (ofClose) {
                range.push(close, close);
            } else {
                range.push(high, low);
            }
        }

        @Override
        public double value(int output) {
            return range.midpoint();
        }

        @Override
        public long barsSeen() {
            return range.count();
        }

        @Override
        public void save(StateWriter out) {
            range.save(out, "highest", "lowest");
        }

        @Override
        public void restore(StateReader in) {
            range.restore(in, "highest", "lowest");
        }
    }
}
