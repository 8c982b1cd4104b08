package dev.candela.cpu.momentum;

import dev.candela.cpu.CpuIndicator;
import dev.candela.cpu.kernel.TrueRange;
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
import java.util.Objects;

/**
 * {@code atr(period)}: Wilder's Average True Range, TA-Lib-exact, lookback {@code period}: the mean true
 * range of bars {@code 1..period}, then TA-Lib's {@code atr *= period - 1; atr += tr; atr /= period}, computed
 * as {@code atr * ((period - 1) / period) + tr * (1 / period)} ({@link
 * dev.candela.cpu.kernel.WilderSmoothing#nextAverageWeighted}): the chain from bar to bar loses its
 * division, and values stay within {@code period * 3e-16} of TA-Lib's, relatively. A period of 1 is the
 * true range itself. The true range is computed on the fly, fused with the smoothing, so a batch reads each
 * price once and writes nothing but the output.
 */
final class AverageTrueRange extends CpuIndicator {

    AverageTrueRange() {
        super("atr", Category.VOLATILITY, "Average True Range (Wilder)",
                EnumSet.of(PriceField.HIGH, PriceField.LOW, PriceField.CLOSE), List.of("value"),
                ParameterSpec.ofInt("period", 14, 1, MomentumIndicators.MAX_PERIOD, "smoothing period in bars"));
    }

    @Override
    public int lookback(Parameters p) {
        return p.getInt(0);
    }

    @Override
    protected void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        average(bars, symbol, out.array(0, symbol), p.getInt(0));
    }

    /** ATR of one symbol of a batch into {@code out}, which is {@code bars.barCount()} long. */
    static void average(BarBatch bars, int symbol, double[] out, int period) {
        Column h = bars.column(PriceField.HIGH, symbol);
        Column l = bars.column(PriceField.LOW, symbol);
        Column c = bars.column(PriceField.CLOSE, symbol);
        TrueRange.average(h.array(), h.offset(), l.array(), l.offset(), c.array(), c.offset(), out, 0,
                bars.barCount(), period);
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new State(p.getInt(0));
    }

    static final class State implements IndicatorState {
        private final TrueRangeAverage atr;

        State(int period) {
            this.atr = new TrueRangeAverage(period);
        }

        @Override
        public void update(long timestamp, double open, double high, double low, double close, double volume) {
            atr.push(high, low, close);
        }

        @Override
        public double value(int output) {
            Objects.checkIndex(output, 1);
            return atr.value();
        }

        @Override
        public long barsSeen() {
            return atr.count();
        }

        @Override
        public void save(StateWriter out) {
            atr.save(out, "atr");
        }

        @Override
        public void restore(StateReader in) {
            atr.restore(in, "atr");
        }
    }
}
