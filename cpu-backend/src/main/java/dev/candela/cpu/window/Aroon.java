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
 * Aroon ({@code aroon(14)}), TA-Lib's AROON: over the {@code period + 1} bars ending today,
 * {@code up = 100 / period * (period - barsSinceHighestHigh)} and {@code down} likewise for the lowest
 * low. Where the extreme occurs more than once the most recent occurrence counts, as in TA-Lib.
 * Lookback {@code period}. Outputs in TA-Lib's order: {@code down}, {@code up}.
 */
final class Aroon extends CpuIndicator {

    Aroon() {
        super("aroon", Category.MOMENTUM, "Aroon down and up: how recent the n-bar low and high are, 0 to 100",
                EnumSet.of(PriceField.HIGH, PriceField.LOW), List.of("down", "up"),
                ParameterSpec.ofInt("period", 14, 2, WindowIndicators.MAX_PERIOD, "bars looked back"));
    }

    @Override
    public int lookback(Parameters p) {
        return p.getInt(0);
    }

    /** TA-Lib's scaling of an age: {@code 100 / period * (period - age)}. */
    static double line(int period, double age) {
        return (100.0 / period) * (period - age);
    }

    @Override
    protected void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        int period = p.getInt(0);
        int n = bars.barCount();
        double[] down = out.array(0, symbol);
        double[] up = out.array(1, symbol);
        if (n <= period) {
            MovingAverages.nan(down, 0, n);
            MovingAverages.nan(up, 0, n);
            return;
        }
        Column high = bars.column(PriceField.HIGH, symbol);
        Column low = bars.column(PriceField.LOW, symbol);
        RollingExtremes.barsSinceMin(low.array(), low.offset(), down, 0, n, period + 1);
        RollingExtremes.barsSinceMax(high.array(), high.offset(), up, 0, n, period + 1);
        for (int i = period; i < n; i++) {
            down[i] = line(period, down[i]);
            up[i] = line(period, up[i]);
        }
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new State(p.getInt(0));
    }

    /** Streaming Aroon: two monotonic windows of {@code period + 1} bars. */
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
            RollingExtremeWindow w = output == 0 ? lowest : highest;
            return line(period, w.barsSinceExtreme());
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
