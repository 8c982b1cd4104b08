package dev.candela.cpu.momentum;

import dev.candela.cpu.CpuIndicator;
import dev.candela.cpu.kernel.MovingAverages;
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
 * {@code mom(period)}: momentum, {@code close - close[i - period]}. Lookback {@code period}.
 */
final class Momentum extends CpuIndicator {

    Momentum() {
        super("mom", Category.MOMENTUM, "Momentum: close - close[-period]", EnumSet.of(PriceField.CLOSE), List.of("value"),
                ParameterSpec.ofInt("period", 10, 1, MomentumIndicators.MAX_PERIOD, "bars back to compare with"));
    }

    @Override
    public int lookback(Parameters p) {
        return p.getInt(0);
    }

    static double value(double x, double previous) {
        return x - previous;
    }

    @Override
    protected void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        int period = p.getInt(0);
        int len = bars.barCount();
        double[] o = out.array(0, symbol);
        if (len <= period) {
            MovingAverages.nan(o, 0, len);
            return;
        }
        Column close = bars.column(PriceField.CLOSE, symbol);
        double[] c = close.array();
        int off = close.offset();
        MovingAverages.nan(o, 0, period);
        for (int i = period; i < len; i++) {
            o[i] = value(c[off + i], c[off + i - period]);
        }
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new State(p.getInt(0));
    }

    static final class State implements IndicatorState {
        private final LagWindow closes;
        private double value = Double.NaN;

        State(int period) {
            this.closes = new LagWindow(period);
        }

        @Override
        public void update(long timestamp, double open, double high, double low, double close, double volume) {
            closes.push(close);
            value = closes.ready() ? Momentum.value(close, closes.lagged()) : Double.NaN;
        }

        @Override
        public double value(int output) {
            Objects.checkIndex(output, 1);
            return value;
        }

        @Override
        public long barsSeen() {
            return closes.count();
        }

        @Override
        public void save(StateWriter out) {
            closes.save(out, "close");
            out.putDouble("value", value);
        }

        @Override
        public void restore(StateReader in) {
            closes.restore(in, "close");
            value = in.getDouble("value");
        }
    }
}
