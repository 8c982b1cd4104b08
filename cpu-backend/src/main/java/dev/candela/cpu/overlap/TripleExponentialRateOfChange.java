package dev.candela.cpu.overlap;

import dev.candela.cpu.CpuIndicator;
import dev.candela.cpu.kernel.EmaStream;
import dev.candela.cpu.kernel.LaggedChange;
import dev.candela.cpu.kernel.MovingAverages;
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
 * {@code trix(period)}: Hutson's TRIX, the one-bar rate of change in percent of a triple-smoothed EMA of
 * the close, {@code (e3 / e3[-1] - 1) * 100} (0 where the previous value is 0), TA-Lib-exact, lookback
 * {@code 3 * (period - 1) + 1}. The period starts at 2: TA-Lib 0.4.0 fails on 1.
 *
 * <p>The batch runs the three EMAs in place in the output array and turns them into rates of change
 * from the last bar backwards, so it needs no scratch memory.
 */
final class TripleExponentialRateOfChange extends CpuIndicator {

    TripleExponentialRateOfChange() {
        super("trix", Category.MOMENTUM, "1-bar Rate-Of-Change of a Triple Smooth EMA", EnumSet.of(PriceField.CLOSE),
                List.of("value"), OverlapIndicators.period("period", 30, 2, "period of the three EMAs"));
    }

    @Override
    public int lookback(Parameters p) {
        return 3 * (p.getInt(0) - 1) + 1;
    }

    @Override
    protected void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        Column close = bars.column(PriceField.CLOSE, symbol);
        trix(close.array(), close.offset(), out.array(0, symbol), bars.barCount(), p.getInt(0));
    }

    static void trix(double[] in, int inOff, double[] out, int len, int period) {
        int lookback = 3 * (period - 1) + 1;
        if (len <= lookback) {
            MovingAverages.nan(out, 0, len);
            return;
        }
        MovingAverages.emaChain(in, inOff, len, period, out, out, out);
        // Backwards, so that each bar still sees the EMA value of the bar before it.
        for (int i = len - 1; i >= lookback; i--) {
            out[i] = LaggedChange.percent(out[i], out[i - 1]);
        }
        MovingAverages.nan(out, 0, lookback);
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new State(p.getInt(0));
    }

    /**
     * Streaming TRIX: three chained {@link EmaStream}s, held directly as in {@link MulloyMovingAverage.State},
     * and the previous triple-smoothed value.
     */
    static final class State extends CloseDrivenState {
        private final EmaStream first;
        private final EmaStream second;
        private final EmaStream third;
        private double previous = Double.NaN;
        private double value = Double.NaN;

        State(int period) {
            super(1);
            this.first = new EmaStream(period);
            this.second = new EmaStream(period);
            this.third = new EmaStream(period);
        }

        @Override
        void push(double close) {
            double e1 = first.push(close);
            if (!first.ready()) {
                return;
            }
            double e2 = second.push(e1);
            if (!second.ready()) {
                return;
            }
            boolean hadPrevious = third.ready();
            double e3 = third.push(e2);
            if (!third.ready()) {
                return;
            }
            if (hadPrevious) {
                value = LaggedChange.percent(e3, previous);
            }
            previous = e3;
        }

        @Override
        double output(int output) {
            return value;
        }

        @Override
        void saveValues(StateWriter out) {
            first.save(out, "ema1");
            second.save(out, "ema2");
            third.save(out, "ema3");
            out.putDouble("previous", previous);
            out.putDouble("value", value);
        }

        @Override
        void restoreValues(StateReader in) {
            first.restore(in, "ema1");
            second.restore(in, "ema2");
            third.restore(in, "ema3");
            previous = in.getDouble("previous");
            value = in.getDouble("value");
        }
    }
}
