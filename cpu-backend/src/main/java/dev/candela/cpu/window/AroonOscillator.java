package dev.candela.cpu.window;

import dev.candela.cpu.CpuIndicator;
import dev.candela.cpu.kernel.MovingAverages;
import dev.candela.cpu.kernel.RollingExtremeWindow;
import dev.candela.cpu.kernel.RollingExtremes;
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
 * The Aroon oscillator ({@code aroonosc(14)}), TA-Lib's AROONOSC: Aroon up minus Aroon down, computed as
 * TA-Lib does from the bar positions, {@code 100 / period * (indexOfHigh - indexOfLow)}, over the
 * {@code period + 1} bars ending today. Lookback {@code period}.
 */
final class AroonOscillator extends CpuIndicator {

    AroonOscillator() {
        super("aroonosc", Category.MOMENTUM, "Aroon oscillator: Aroon up minus Aroon down, -100 to 100",
                EnumSet.of(PriceField.HIGH, PriceField.LOW), List.of("value"),
                ParameterSpec.ofInt("period", 14, 2, WindowIndicators.MAX_PERIOD, "bars looked back"));
    }

    @Override
    public int lookback(Parameters p) {
        return p.getInt(0);
    }

    /** {@code indexOfHigh - indexOfLow} equals {@code barsSinceLow - barsSinceHigh}; both are exact integers. */
    static double value(int period, double barsSinceHigh, double barsSinceLow) {
        return (100.0 / period) * (barsSinceLow - barsSinceHigh);
    }

    @Override
    protected void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        int period = p.getInt(0);
        int n = bars.barCount();
        double[] result = out.array(0, symbol);
        if (n <= period) {
            MovingAverages.nan(result, 0, n);
            return;
        }
        Column high = bars.column(PriceField.HIGH, symbol);
        Column low = bars.column(PriceField.LOW, symbol);
        double[] sinceLow = new double[n];
        RollingExtremes.barsSinceMax(high.array(), high.offset(), result, 0, n, period + 1);
        RollingExtremes.barsSinceMin(low.array(), low.offset(), sinceLow, 0, n, period + 1);
        for (int i = period; i < n; i++) {
            result[i] = value(period, result[i], sinceLow[i]);
        }
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new State(p.getInt(0));
    }

    /** Streaming Aroon oscillator: two monotonic windows of {@code period + 1} bars. */
    static final class State implements IndicatorState {
        private final int period;
        private final RollingExtremeWindow highest;
        private final RollingExtremeWindow lowest;

        State(int period) {
            this.period = period;
            highest = RollingExtremeWindow.max(period + 1);
            lowest = RollingExtremeWindow.min(period + 1);
        }

        @Override
        public void update(long timestamp, double open, double high, double low, double close, double volume) {
            highest.push(high);
            lowest.push(low);
        }

        @Override
        public double value(int output) {
            return AroonOscillator.value(period, highest.barsSinceExtreme(), lowest.barsSinceExtreme());
        }

        @Override
        public long barsSeen() {
            return highest.count();
        }

        @Override
        public void save(StateWriter out) {
            highest.save(out, "highest");
            lowest.save(out, "lowest");
        }

        @Override
        public void restore(StateReader in) {
            highest.restore(in, "highest");
            lowest.restore(in, "lowest");
        }
    }
}
