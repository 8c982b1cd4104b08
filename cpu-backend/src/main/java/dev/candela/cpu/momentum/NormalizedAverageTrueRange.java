package dev.candela.cpu.momentum;

import dev.candela.cpu.CpuIndicator;
import dev.candela.cpu.kernel.TaLibZero;
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
 * {@code natr(period)}: Normalized Average True Range, {@code atr(period) / close * 100} (0 where the close
 * is zero within 1e-8), TA-Lib-exact for periods of 2 and more; lookback {@code period}.
 *
 * <p>For a period of 1, TA-Lib 0.4.0 returns the raw true range without normalising it; here
 * {@code natr(1)} is {@code trange / close * 100}, consistent with every other period.
 */
final class NormalizedAverageTrueRange extends CpuIndicator {

    NormalizedAverageTrueRange() {
        super("natr", Category.VOLATILITY, "Normalized Average True Range (percent of close)",
                EnumSet.of(PriceField.HIGH, PriceField.LOW, PriceField.CLOSE), List.of("value"),
                ParameterSpec.ofInt("period", 14, 1, MomentumIndicators.MAX_PERIOD, "smoothing period in bars"));
    }

    @Override
    public int lookback(Parameters p) {
        return p.getInt(0);
    }

    static double value(double atr, double close) {
        return TaLibZero.isZero(close) ? 0.0 : (atr / close) * 100.0;
    }

    @Override
    protected void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        int period = p.getInt(0);
        double[] o = out.array(0, symbol);
        AverageTrueRange.average(bars, symbol, o, period);
        Column close = bars.column(PriceField.CLOSE, symbol);
        double[] c = close.array();
        int off = close.offset();
        for (int i = period; i < bars.barCount(); i++) {
            o[i] = value(o[i], c[off + i]);
        }
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new State(p.getInt(0));
    }

    static final class State implements IndicatorState {
        private final int period;
        private final TrueRangeAverage atr;
        private double value = Double.NaN;

        State(int period) {
            this.period = period;
            this.atr = new TrueRangeAverage(period);
        }

        @Override
        public void update(long timestamp, double open, double high, double low, double close, double volume) {
            atr.push(high, low, close);
            value = atr.count() > period ? NormalizedAverageTrueRange.value(atr.value(), close) : Double.NaN;
        }

        @Override
        public double value(int output) {
            Objects.checkIndex(output, 1);
            return value;
        }

        @Override
        public long barsSeen() {
            return atr.count();
        }

        @Override
        public void save(StateWriter out) {
            atr.save(out, "atr");
            out.putDouble("value", value);
        }

        @Override
        public void restore(StateReader in) {
            atr.restore(in, "atr");
            value = in.getDouble("value");
        }
    }
}
