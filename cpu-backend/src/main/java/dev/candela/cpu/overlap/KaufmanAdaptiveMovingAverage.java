package dev.candela.cpu.overlap;

import dev.candela.cpu.CpuIndicator;
import dev.candela.cpu.kernel.MovingAverages;
import dev.candela.cpu.kernel.SlidingWindow;
import dev.candela.cpu.kernel.TaLibZero;
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
 * {@code kama(period)}: Kaufman's adaptive moving average of the close, TA-Lib-exact, lookback
 * {@code period}. The efficiency ratio {@code |close - close[period]| / sum |close - close[-1]|} over the
 * last {@code period} bars blends the smoothing constant between the 2-bar and 30-bar EMA factors,
 * {@code sc = (er * (2/3 - 2/31) + 2/31)^2}, and {@code kama += (close - kama) * sc}. As in TA-Lib the
 * ratio is 1 when the path length does not exceed the net change or is zero within 1e-8, and the first
 * value starts from the close at bar {@code period - 1}.
 *
 * <p>The path length is a running sum of absolute one-bar changes, O(1) per bar in batch and stream; the
 * stream keeps a ring of the last {@code period + 1} closes.
 */
final class KaufmanAdaptiveMovingAverage extends CpuIndicator {
    private static final double SLOWEST = 2.0 / (30.0 + 1.0);
    private static final double SPREAD = 2.0 / (2.0 + 1.0) - SLOWEST;

    KaufmanAdaptiveMovingAverage() {
        super("kama", Category.OVERLAP, "Kaufman Adaptive Moving Average", EnumSet.of(PriceField.CLOSE),
                List.of("value"), OverlapIndicators.period("period", 30, 2, "bars of the efficiency ratio"));
    }

    @Override
    public int lookback(Parameters p) {
        return p.getInt(0);
    }

    @Override
    protected void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        Column close = bars.column(PriceField.CLOSE, symbol);
        kama(close.array(), close.offset(), out.array(0, symbol), bars.barCount(), p.getInt(0));
    }

    /** The squared smoothing constant for net change {@code change} over path length {@code path}. */
    static double smoothing(double change, double path) {
        double er = path <= change || TaLibZero.isZero(path) ? 1.0 : Math.abs(change / path);
        double sc = er * SPREAD + SLOWEST;
        return sc * sc;
    }

    static void kama(double[] in, int inOff, double[] out, int len, int period) {
        if (!MovingAverages.warmUp(out, 0, len, period)) {
            return;
        }
        double path = 0.0;
        for (int i = 0; i < period; i++) {
            path += Math.abs(in[inOff + i] - in[inOff + i + 1]);
        }
        double leaving = in[inOff];
        double x = in[inOff + period];
        double kama = in[inOff + period - 1];
        kama = (x - kama) * smoothing(x - leaving, path) + kama;
        out[period] = kama;
        double previous = x;
        for (int i = period + 1; i < len; i++) {
            x = in[inOff + i];
            double trailing = in[inOff + i - period];
            path -= Math.abs(leaving - trailing);
            path += Math.abs(x - previous);
            leaving = trailing;
            previous = x;
            kama = (x - kama) * smoothing(x - trailing, path) + kama;
            out[i] = kama;
        }
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new State(p.getInt(0));
    }

    /** Streaming KAMA: the running path length and a ring of the last {@code period + 1} closes. */
    static final class State extends CloseDrivenState {
        private final int period;
        private final SlidingWindow closes;
        private double path;
        private double previous;
        private double leaving;
        private double value = Double.NaN;

        State(int period) {
            super(1);
            this.period = period;
            this.closes = new SlidingWindow(period + 1);
        }

        @Override
        void push(double close) {
            closes.push(close);
            long count = closes.count();
            if (count > 1 && count <= period + 1) {
                path += Math.abs(previous - close);
            }
            if (count == period + 1) {
                // The window is full: its oldest value is the close `period` bars back.
                leaving = closes.oldest();
                value = (close - previous) * smoothing(close - leaving, path) + previous;
            } else if (count > period + 1) {
                double trailing = closes.oldest();
                path -= Math.abs(leaving - trailing);
                path += Math.abs(close - previous);
                leaving = trailing;
                value = (close - value) * smoothing(close - trailing, path) + value;
            }
            previous = close;
        }

        @Override
        double output(int output) {
            return value;
        }

        @Override
        void saveValues(StateWriter out) {
            closes.save(out, "");
            out.putDouble("path", path);
            out.putDouble("previous", previous);
            out.putDouble("leaving", leaving);
            out.putDouble("value", value);
        }

        @Override
        void restoreValues(StateReader in) {
            closes.restore(in, "");
            path = in.getDouble("path");
            previous = in.getDouble("previous");
            leaving = in.getDouble("leaving");
            value = in.getDouble("value");
        }
    }
}
