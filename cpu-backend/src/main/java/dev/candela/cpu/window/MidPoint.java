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
 * Midpoint of the close over a window ({@code midpoint(14)}), TA-Lib's MIDPOINT on the close:
 * {@code (highest close + lowest close) / 2} over {@code period} bars. Lookback {@code period - 1}.
 */
final class MidPoint extends CpuIndicator {

    MidPoint() {
        super("midpoint", Category.OVERLAP, "Midpoint of the highest and lowest close over n bars",
                EnumSet.of(PriceField.CLOSE), List.of("value"),
                ParameterSpec.ofInt("period", 14, 2, WindowIndicators.MAX_PERIOD, "bars in the window"));
    }

    @Override
    public int lookback(Parameters p) {
        return p.getInt(0) - 1;
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
        Column close = bars.column(PriceField.CLOSE, symbol);
        double[] lowest = new double[n];
        RollingExtremes.max(close.array(), close.offset(), result, 0, n, period);
        RollingExtremes.min(close.array(), close.offset(), lowest, 0, n, period);
        for (int i = period - 1; i < n; i++) {
            result[i] = (result[i] + lowest[i]) / 2.0;
        }
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new State(p.getInt(0));
    }

    /** Streaming midpoint: two monotonic windows over the close. */
    static final class State implements IndicatorState {
        private final RollingExtremeWindow highest;
        private final RollingExtremeWindow lowest;

        State(int period) {
            highest = RollingExtremeWindow.max(period);
            lowest = RollingExtremeWindow.min(period);
        }

        @Override
        public void update(long timestamp, double open, double high, double low, double close, double volume) {
            highest.push(close);
            lowest.push(close);
        }

        @Override
        public double value(int output) {
            return (highest.extreme() + lowest.extreme()) / 2.0;
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
