package dev.candela.cpu.overlap;

import dev.candela.cpu.CpuIndicator;
import dev.candela.cpu.kernel.EmaStream;
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
 * {@code tema(period)}: Mulloy's triple exponential moving average
 * {@code 3 * EMA - 3 * EMA(EMA) + EMA(EMA(EMA))} of the close, TA-Lib-exact (evaluated as
 * {@code e3 + (3 * e1 - 3 * e2)}), lookback {@code 3 * (period - 1)}.
 */
final class TripleExponentialMovingAverage extends CpuIndicator {

    TripleExponentialMovingAverage() {
        super("tema", Category.OVERLAP, "Triple Exponential Moving Average", EnumSet.of(PriceField.CLOSE),
                List.of("value"), OverlapIndicators.period("period", 30, 2, "period of the three EMAs"));
    }

    @Override
    public int lookback(Parameters p) {
        return 3 * (p.getInt(0) - 1);
    }

    @Override
    public void compute(Parameters p, BarBatch bars, IndicatorOutput out) {
        double[] first = new double[bars.barCount()];
        double[] second = new double[bars.barCount()];
        for (int s = 0; s < bars.symbolCount(); s++) {
            computeSymbol(p, bars, s, out, first, second);
        }
    }

    @Override
    protected void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        computeSymbol(p, bars, symbol, out, new double[bars.barCount()], new double[bars.barCount()]);
    }

    private static void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out, double[] first,
                                      double[] second) {
        Column close = bars.column(PriceField.CLOSE, symbol);
        double[] in = close.array();
        int inOff = close.offset();
        double[] o = out.array(0, symbol);
        int len = bars.barCount();
        int period = p.getInt(0);
        int lookbackEma = period - 1;
        int lookback = 3 * lookbackEma;
        if (len <= lookback) {
            MovingAverages.nan(o, 0, len);
            return;
        }
        MovingAverages.ema(in, inOff, first, 0, len, period);
        MovingAverages.ema(first, lookbackEma, second, lookbackEma, len - lookbackEma, period);
        MovingAverages.ema(second, 2 * lookbackEma, o, 2 * lookbackEma, len - 2 * lookbackEma, period);
        MovingAverages.nan(o, 0, lookback);
        for (int i = lookback; i < len; i++) {
            o[i] += 3.0 * first[i] - 3.0 * second[i];
        }
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new State(p.getInt(0));
    }

    /** Streaming TEMA: three chained {@link EmaStream}s. */
    static final class State extends CloseDrivenState {
        private final EmaStream first;
        private final EmaStream second;
        private final EmaStream third;
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
            double e3 = third.push(e2);
            if (third.ready()) {
                value = e3 + (3.0 * e1 - 3.0 * e2);
            }
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
            out.putDouble("value", value);
        }

        @Override
        void restoreValues(StateReader in) {
            first.restore(in, "ema1");
            second.restore(in, "ema2");
            third.restore(in, "ema3");
            value = in.getDouble("value");
        }
    }
}
