package dev.candela.cpu.overlap;

import dev.candela.cpu.CpuIndicator;
import dev.candela.cpu.kernel.MovingAverages;
import dev.candela.cpu.kernel.SlidingWindow;
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
 * {@code trima(period)}: the triangular moving average of the close (an SMA of an SMA: weights rising
 * {@code 1, 2, ..} to the middle of the window and falling again), TA-Lib-exact, lookback
 * {@code period - 1}.
 *
 * <p>Computed as TA-Lib does, with one weighted numerator that each bar moves by two running partial
 * sums (the rising and the falling half); the stream keeps the same three sums and a ring of the window,
 * O(1) per bar, and so rounds exactly like the batch. The weight normaliser is computed in floating point,
 * so periods above 92680, where TA-Lib's 32-bit product overflows, stay correct.
 */
final class TriangularMovingAverage extends CpuIndicator {

    TriangularMovingAverage() {
        super("trima", Category.OVERLAP, "Triangular Moving Average", EnumSet.of(PriceField.CLOSE), List.of("value"),
                OverlapIndicators.period("period", 30, 2, "bars averaged with triangular weights"));
    }

    @Override
    public int lookback(Parameters p) {
        return p.getInt(0) - 1;
    }

    @Override
    protected void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        Column close = bars.column(PriceField.CLOSE, symbol);
        trima(close.array(), close.offset(), out.array(0, symbol), bars.barCount(), p.getInt(0));
    }

    /** Half of the period: the weights rise over {@code half + 1} (odd) or {@code half} (even) values. */
    private static int half(int period) {
        return period >> 1;
    }

    /** {@code 1 / sum of weights}: {@code 1 / (half + 1)^2} for an odd period, {@code 1 / (half (half + 1))} even. */
    static double factor(int period) {
        double h = half(period);
        return 1.0 / ((period & 1) == 1 ? (h + 1) * (h + 1) : h * (h + 1));
    }

    /**
     * Distance from the oldest value of the window to the value that moves from the rising to the falling
     * half when the window advances.
     */
    static int middleOffset(int period) {
        return (period & 1) == 1 ? half(period) : half(period) - 1;
    }

    static void trima(double[] in, int inOff, double[] out, int len, int period) {
        int lookback = period - 1;
        if (!MovingAverages.warmUp(out, 0, len, lookback)) {
            return;
        }
        boolean odd = (period & 1) == 1;
        double factor = factor(period);
        int middle = inOff + middleOffset(period);
        double numerator = 0.0;
        double sub = 0.0;
        for (int i = middle; i >= inOff; i--) {
            sub += in[i];
            numerator += sub;
        }
        double add = 0.0;
        for (int i = middle + 1; i <= inOff + lookback; i++) {
            add += in[i];
            numerator += add;
        }
        out[lookback] = numerator * factor;
        double leaving = in[inOff];
        int mid = middle + 1;
        int trailing = inOff + 1;
        for (int i = lookback + 1; i < len; i++) {
            numerator -= sub;
            sub -= leaving;
            double m = in[mid++];
            sub += m;
            if (odd) {
                numerator += add;
                add -= m;
            } else {
                add -= m;
                numerator += add;
            }
            double x = in[inOff + i];
            add += x;
            numerator += x;
            leaving = in[trailing++];
            out[i] = numerator * factor;
        }
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new State(p.getInt(0));
    }

    /** Streaming TRIMA: TA-Lib's numerator and partial sums, with a ring of the window. */
    static final class State extends CloseDrivenState {
        private final int period;
        private final boolean odd;
        private final int middleOffset;
        private final double factor;
        private final SlidingWindow window;
        private double numerator;
        private double sub;
        private double add;
        private double leaving;
        private double value = Double.NaN;

        State(int period) {
            super(1);
            this.period = period;
            this.odd = (period & 1) == 1;
            this.middleOffset = middleOffset(period);
            this.factor = factor(period);
            this.window = new SlidingWindow(period);
        }

        @Override
        void push(double close) {
            window.push(close);
            if (!window.isFull()) {
                return;
            }
            if (window.count() == period) {
                numerator = 0.0;
                sub = 0.0;
                for (int i = middleOffset; i >= 0; i--) {
                    sub += window.fromOldest(i);
                    numerator += sub;
                }
                add = 0.0;
                for (int i = middleOffset + 1; i < period; i++) {
                    add += window.fromOldest(i);
                    numerator += add;
                }
            } else {
                numerator -= sub;
                sub -= leaving;
                // The window has moved by one, so the value crossing the middle sits one place nearer its start.
                double m = window.fromOldest(middleOffset);
                sub += m;
                if (odd) {
                    numerator += add;
                    add -= m;
                } else {
                    add -= m;
                    numerator += add;
                }
                add += close;
                numerator += close;
            }
            leaving = window.oldest();
            value = numerator * factor;
        }

        @Override
        double output(int output) {
            return value;
        }

        @Override
        void saveValues(StateWriter out) {
            window.save(out, "");
            out.putDouble("numerator", numerator);
            out.putDouble("sub", sub);
            out.putDouble("add", add);
            out.putDouble("leaving", leaving);
            out.putDouble("value", value);
        }

        @Override
        void restoreValues(StateReader in) {
            window.restore(in, "");
            numerator = in.getDouble("numerator");
            sub = in.getDouble("sub");
            add = in.getDouble("add");
            leaving = in.getDouble("leaving");
            value = in.getDouble("value");
        }
    }
}
