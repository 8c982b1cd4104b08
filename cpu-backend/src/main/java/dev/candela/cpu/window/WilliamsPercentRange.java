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
 * Williams' %R ({@code willr(14)}): where the close stands in the range of the last {@code period} bars,
 * from 0 (at the highest high) to -100 (at the lowest low). TA-Lib's WILLR: lookback {@code period - 1},
 * and 0 when the range is empty (highest high equals lowest low).
 */
final class WilliamsPercentRange extends CpuIndicator {

    WilliamsPercentRange() {
        super("willr", Category.MOMENTUM, "Williams' %R: close within the n-bar high-low range, 0 to -100",
                EnumSet.of(PriceField.HIGH, PriceField.LOW, PriceField.CLOSE), List.of("value"),
                ParameterSpec.ofInt("period", 14, 2, WindowIndicators.MAX_PERIOD, "bars in the range"));
    }

    @Override
    public int lookback(Parameters p) {
        return p.getInt(0) - 1;
    }

    /** TA-Lib's formula and operation order, with its exact zero test on the scaled range. */
    static double value(double highest, double lowest, double close) {
        double diff = (highest - lowest) / -100.0;
        return diff != 0.0 ? (highest - close) / diff : 0.0;
    }

    @Override
    protected void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        int period = p.getInt(0);
        int n = bars.barCount();
        double[] result = out.array(0, symbol);
        if (n <= period - 1) {
            MovingAverages.nan(result, 0, n);
            return;
        }
        Column high = bars.column(PriceField.HIGH, symbol);
        Column low = bars.column(PriceField.LOW, symbol);
        Column close = bars.column(PriceField.CLOSE, symbol);
        double[] lowest = new double[n];
        RollingExtremes.max(high.array(), high.offset(), result, 0, n, period);
        RollingExtremes.min(low.array(), low.offset(), lowest, 0, n, period);
        double[] c = close.array();
        int co = close.offset();
        for (int i = period - 1; i < n; i++) {
            result[i] = value(result[i], lowest[i], c[co + i]);
        }
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new State(p.getInt(0));
    }

    /** Streaming %R: a {@link RollingRange}. */
    static final class State implements IndicatorState {
        private final RollingRange range;
        private double value = Double.NaN;

        State(int period) {
            range = new RollingRange(period);
        }

        @Override
        public void update(long timestamp, double open, double high, double low, double close, double volume) {
            range.push(high, low);
            value = range.isFull() ? WilliamsPercentRange.value(range.highest(), range.lowest(), close) : Double.NaN;
        }

        @Override
        public double value(int output) {
            return value;
        }

        @Override
        public long barsSeen() {
            return range.count();
        }

        @Override
        public void save(StateWriter out) {
            range.save(out, "highest", "lowest");
            out.putDouble("value", value);
        }

        @Override
        public void restore(StateReader in) {
            range.restore(in, "highest", "lowest");
            value = in.getDouble("value");
        }
    }
}
