package dev.candela.cpu.window;

import dev.candela.cpu.CpuIndicator;
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
 * What TA-Lib's AROON and AROONOSC share: one {@code period} parameter, the bars since the highest high and
 * since the lowest low over the {@code period + 1} bars ending today (the most recent occurrence counting
 * on ties, as in TA-Lib), the formulas that turn them into the lines and their difference, lookback
 * {@code period}, and a streaming state around one {@link RollingRange}. Subclasses run their batch loop.
 */
abstract sealed class AroonIndicator extends CpuIndicator permits Aroon, AroonOscillator {
    private final boolean oscillator;

    AroonIndicator(String id, String description, List<String> outputs, boolean oscillator) {
        super(id, Category.MOMENTUM, description, EnumSet.of(PriceField.HIGH, PriceField.LOW), outputs,
                ParameterSpec.ofInt("period", 14, 2, WindowIndicators.MAX_PERIOD, "bars looked back"));
        this.oscillator = oscillator;
    }

    /** TA-Lib's scaling of an age into an Aroon line: {@code 100 / period * (period - age)}. */
    static double line(int period, double age) {
        return (100.0 / period) * (period - age);
    }

    /**
     * AROONOSC as TA-Lib computes it, {@code 100 / period * (indexOfHigh - indexOfLow)}; the index difference
     * equals {@code barsSinceLow - barsSinceHigh}, and both are exact integers.
     */
    static double oscillator(int period, double barsSinceHigh, double barsSinceLow) {
        return (100.0 / period) * (barsSinceLow - barsSinceHigh);
    }

    @Override
    public final int lookback(Parameters p) {
        return p.getInt(0);
    }

    @Override
    protected final void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        int period = p.getInt(0);
        int n = bars.barCount();
        if (n <= period) {
            fillNaN(out, symbol, n);
            return;
        }
        fromAges(period, bars.column(PriceField.HIGH, symbol), bars.column(PriceField.LOW, symbol), n, out, symbol);
    }

    /**
     * Writes every output of {@code symbol}, {@code NaN} before bar {@code period}, from the rolling ages
     * ({@link dev.candela.cpu.kernel.RollingExtremes#barsSinceMax}, {@code barsSinceMin}) over windows of
     * {@code period + 1} bars; called only when {@code n > period}.
     */
    abstract void fromAges(int period, Column high, Column low, int n, IndicatorOutput out, int symbol);

    @Override
    public final IndicatorState newState(Parameters p) {
        return new State(p.getInt(0), oscillator);
    }

    /** Streaming Aroon lines (down, up) or oscillator: a {@link RollingRange} of {@code period + 1} bars. */
    static final class State implements IndicatorState {
        private final int period;
        private final boolean oscillator;
        private final RollingRange range;

        State(int period, boolean oscillator) {
            this.period = period;
            this.oscillator = oscillator;
            this.range = new RollingRange(period + 1);
        }

        @Override
        public void update(long timestamp, double open, double high, double low, double close, double volume) {
            range.push(high, low);
        }

        @Override
        public double value(int output) {
            if (oscillator) {
                return AroonIndicator.oscillator(period, range.barsSinceHighest(), range.barsSinceLowest());
            }
            return line(period, output == 0 ? range.barsSinceLowest() : range.barsSinceHighest());
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
