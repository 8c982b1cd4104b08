package dev.candela.cpu.momentum;

import dev.candela.cpu.CpuIndicator;
import dev.candela.cpu.kernel.LaggedChange;
import dev.candela.cpu.kernel.SlidingWindow;
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
 * The indicators comparing the close with the close {@code period} bars earlier ({@code mom}, {@code roc},
 * {@code rocp}): one {@code period} parameter (default 10), lookback {@code period}, and one streaming state
 * over the last {@code period + 1} closes. Each subclass names its {@link LaggedChange.Form}.
 */
abstract sealed class LaggedCloseChange extends CpuIndicator permits Momentum, RateOfChange, RateOfChangePercentage {
    private final LaggedChange.Form form;

    LaggedCloseChange(String id, String description, LaggedChange.Form form) {
        super(id, Category.MOMENTUM, description, EnumSet.of(PriceField.CLOSE), List.of("value"),
                ParameterSpec.ofInt("period", 10, 1, MomentumIndicators.MAX_PERIOD, "bars back to compare with"));
        this.form = form;
    }

    @Override
    public final int lookback(Parameters p) {
        return p.getInt(0);
    }

    @Override
    protected final void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        Column close = bars.column(PriceField.CLOSE, symbol);
        form.series(close.array(), close.offset(), out.array(0, symbol), 0, bars.barCount(), p.getInt(0));
    }

    @Override
    public final IndicatorState newState(Parameters p) {
        return new State(form, p.getInt(0));
    }

    static final class State implements IndicatorState {
        private final LaggedChange.Form form;
        private final SlidingWindow closes;
        private double value = Double.NaN;

        State(LaggedChange.Form form, int period) {
            this.form = form;
            this.closes = new SlidingWindow(period + 1);
        }

        @Override
        public void update(long timestamp, double open, double high, double low, double close, double volume) {
            closes.push(close);
            // Once full, the oldest of the period + 1 closes is the one `period` bars back.
            value = closes.isFull() ? form.of(close, closes.oldest()) : Double.NaN;
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
