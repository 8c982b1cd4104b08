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
 * Donchian channel ({@code donchian(20)}): {@code upper} = highest high and {@code lower} = lowest low of
 * the last {@code period} bars including the current one, {@code middle = (upper + lower) / 2}. Lookback
 * {@code period - 1}. Not in TA-Lib. A breakout rule comparing today's price with the channel should use
 * the previous bar's channel, since today's already contains today's high and low.
 */
final class DonchianChannel extends CpuIndicator {

    DonchianChannel() {
        super("donchian", Category.VOLATILITY, "Donchian channel: highest high, lowest low and their midpoint over n bars",
                EnumSet.of(PriceField.HIGH, PriceField.LOW), List.of("upper", "middle", "lower"),
                ParameterSpec.ofInt("period", 20, 1, WindowIndicators.MAX_PERIOD, "bars in the channel"));
    }

    @Override
    public int lookback(Parameters p) {
        return p.getInt(0) - 1;
    }

    @Override
    protected void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        int period = p.getInt(0);
        int n = bars.barCount();
        double[] upper = out.array(0, symbol);
        double[] middle = out.array(1, symbol);
        double[] lower = out.array(2, symbol);
        Column high = bars.column(PriceField.HIGH, symbol);
        Column low = bars.column(PriceField.LOW, symbol);
        RollingExtremes.max(high.array(), high.offset(), upper, 0, n, period);
        RollingExtremes.min(low.array(), low.offset(), lower, 0, n, period);
        int warmUp = Math.min(n, period - 1);
        MovingAverages.nan(middle, 0, warmUp);
        for (int i = warmUp; i < n; i++) {
            middle[i] = RollingExtremes.midpoint(upper[i], lower[i]);
        }
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new State(p.getInt(0));
    }

    /** Streaming Donchian channel: a {@link RollingRange} over the highs and the lows. */
    static final class State implements IndicatorState {
        private final RollingRange range;

        State(int period) {
            range = new RollingRange(period);
        }

        @Override
        public void update(long timestamp, double open, double high, double low, double close, double volume) {
            range.push(high, low);
        }

        @Override
        public double value(int output) {
            return switch (output) {
                case 0 -> range.highest();
                case 1 -> range.midpoint();
                case 2 -> range.lowest();
                default -> throw new IndexOutOfBoundsException("donchian has 3 outputs, not " + (output + 1));
            };
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
