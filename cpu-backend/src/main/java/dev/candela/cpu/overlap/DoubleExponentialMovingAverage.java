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
 * {@code dema(period)}: Mulloy's double exponential moving average {@code 2 * EMA - EMA(EMA)} of the close,
 * TA-Lib-exact; the inner EMA is seeded with the SMA of the outer EMA's first {@code period} values, so the
 * lookback is {@code 2 * (period - 1)}.
 */
final class DoubleExponentialMovingAverage extends CpuIndicator {

    DoubleExponentialMovingAverage() {
        super("dema", Category.OVERLAP, "Double Exponential Moving Average", EnumSet.of(PriceField.CLOSE),
                List.of("value"), OverlapIndicators.period("period", 30, 2, "period of both EMAs"));
    }

    @Override
    public int lookback(Parameters p) {
        return 2 * (p.getInt(0) - 1);
    }

    @Override
    public void compute(Parameters p, BarBatch bars, IndicatorOutput out) {
        double[] scratch = new double[bars.barCount()];
        for (int s = 0; s < bars.symbolCount(); s++) {
            computeSymbol(p, bars, s, out, scratch);
        }
    }

    @Override
    protected void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        computeSymbol(p, bars, symbol, out, new double[bars.barCount()]);
    }

    private static void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out, double[] first) {
        Column close = bars.column(PriceField.CLOSE, symbol);
        dema(close.array(), close.offset(), out.array(0, symbol), bars.barCount(), p.getInt(0), first);
    }

    /** DEMA of {@code in[inOff, inOff + len)} into {@code out[0, len)}; {@code first} holds the outer EMA. */
    static void dema(double[] in, int inOff, double[] out, int len, int period, double[] first) {
        int lookbackEma = period - 1;
        int lookback = 2 * lookbackEma;
        if (len <= lookback) {
            MovingAverages.nan(out, 0, len);
            return;
        }
        MovingAverages.ema(in, inOff, first, 0, len, period);
        MovingAverages.ema(first, lookbackEma, out, lookbackEma, len - lookbackEma, period);
        MovingAverages.nan(out, 0, lookback);
        for (int i = lookback; i < len; i++) {
            out[i] = 2.0 * first[i] - out[i];
        }
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new State(p.getInt(0));
    }

    /** Streaming DEMA: two chained {@link EmaStream}s. */
    static final class State extends CloseDrivenState {
        private final EmaStream first;
        private final EmaStream second;
        private double value = Double.NaN;

        State(int period) {
            super(1);
            this.first = new EmaStream(period);
            this.second = new EmaStream(period);
        }

        @Override
        void push(double close) {
            double e1 = first.push(close);
            if (first.ready()) {
                double e2 = second.push(e1);
                if (second.ready()) {
                    value = 2.0 * e1 - e2;
                }
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
            out.putDouble("value", value);
        }

        @Override
        void restoreValues(StateReader in) {
            first.restore(in, "ema1");
            second.restore(in, "ema2");
            value = in.getDouble("value");
        }
    }
}
