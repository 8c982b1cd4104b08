package dev.candela.cpu.overlap;

import dev.candela.cpu.CpuIndicator;
import dev.candela.cpu.kernel.MovingAverages;
import dev.candela.cpu.kernel.WmaStream;
import dev.candela.spi.BarBatch;
import dev.candela.spi.Category;
import dev.candela.spi.Column;
import dev.candela.spi.IndicatorOutput;
import dev.candela.spi.IndicatorState;
import dev.candela.spi.Parameters;
import dev.candela.spi.PriceField;
import dev.candela.spi.StateReader;
import dev.candela.spi.StateWriter;

import java.util.EnumSet;
import java.util.List;

/**
 * {@code wma(period)}: the linearly weighted moving average of the close (weights {@code 1..period}, newest
 * heaviest), TA-Lib-exact, lookback {@code period - 1}. Batch and stream keep a running plain sum and a
 * running weighted sum, O(1) per bar.
 */
final class WeightedMovingAverage extends CpuIndicator {

    WeightedMovingAverage() {
        super("wma", Category.OVERLAP, "Weighted Moving Average", EnumSet.of(PriceField.CLOSE), List.of("value"),
                OverlapIndicators.period("period", 30, 2, "bars averaged, weighted 1..period"));
    }

    @Override
    public int lookback(Parameters p) {
        return p.getInt(0) - 1;
    }

    @Override
    protected void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        Column close = bars.column(PriceField.CLOSE, symbol);
        MovingAverages.wma(close.array(), close.offset(), out.array(0, symbol), 0, bars.barCount(), p.getInt(0));
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new State(p.getInt(0));
    }

    /** Streaming WMA: {@link WmaStream}. */
    static final class State extends CloseDrivenState {
        private final WmaStream wma;

        State(int period) {
            super(1);
            this.wma = new WmaStream(period);
        }

        @Override
        void push(double close) {
            wma.push(close);
        }

        @Override
        double output(int output) {
            return wma.value();
        }

        @Override
        void saveValues(StateWriter out) {
            wma.save(out, "wma");
        }

        @Override
        void restoreValues(StateReader in) {
            wma.restore(in, "wma");
        }
    }
}
