package dev.candela.cpu.overlap;

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

/**
 * {@code t3(period, vfactor)}: Tillson's T3 of the close, TA-Lib-exact, lookback {@code 6 * (period - 1)}.
 * Six chained EMAs {@code e = k * x + (1 - k) * e} with {@code k = 2 / (period + 1)}, each seeded with the
 * mean of the first {@code period} values of the one before, combined as
 * {@code c1 e6 + c2 e5 + c3 e4 + c4 e3} with the coefficients of the volume factor {@code v}:
 * {@code c1 = -v^3}, {@code c2 = 3 v^2 + 3 v^3}, {@code c3 = -6 v^2 - 3 v - 3 v^3},
 * {@code c4 = 1 + 3 v + v^3 + 3 v^2}.
 *
 * <p>TA-Lib writes this EMA step as {@code k * x + (1 - k) * e}, not as {@link MovingAverages#emaStep};
 * the two round differently, so both the batch and the stream use TA-Lib's form.
 */
final class TillsonT3 extends CpuIndicator {
    private static final int LEVELS = 6;

    TillsonT3() {
        super("t3", Category.OVERLAP, "Triple Exponential Moving Average (T3)", EnumSet.of(PriceField.CLOSE),
                List.of("value"), OverlapIndicators.period("period", 5, 2, "period of each of the six EMAs"),
                ParameterSpec.ofDouble("vfactor", 0.7, 0.0, 1.0, "volume factor: 0 gives EMA^3, 1 the most smoothing"));
    }

    @Override
    public int lookback(Parameters p) {
        return LEVELS * (p.getInt(0) - 1);
    }

    @Override
    protected void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        Column close = bars.column(PriceField.CLOSE, symbol);
        t3(close.array(), close.offset(), out.array(0, symbol), bars.barCount(), p.getInt(0), p.get(1));
    }

    /** The coefficients {@code c1..c4} of volume factor {@code v}, in TA-Lib's operation order. */
    static double[] coefficients(double v) {
        double v2 = v * v;
        double c1 = -(v2 * v);
        double c2 = 3.0 * (v2 - c1);
        double c3 = -6.0 * v2 - 3.0 * (v - c1);
        double c4 = 1.0 + 3.0 * v - c1 + 3.0 * v2;
        return new double[] {c1, c2, c3, c4};
    }

    static void t3(double[] in, int inOff, double[] out, int len, int period, double vfactor) {
        int lookback = LEVELS * (period - 1);
        if (len <= lookback) {
            MovingAverages.nan(out, 0, len);
            return;
        }
        MovingAverages.nan(out, 0, lookback);
        double k = 2.0 / (period + 1.0);
        double rest = 1.0 - k;
        double[] c = coefficients(vfactor);
        // Warm-up: level L is seeded with the mean of the first `period` values of level L - 1, while the
        // levels below it keep moving.
        double[] e = new double[LEVELS];
        int today = inOff;
        double sum = in[today++];
        for (int i = period - 1; i > 0; i--) {
            sum += in[today++];
        }
        e[0] = sum / period;
        for (int level = 1; level < LEVELS; level++) {
            sum = e[level - 1];
            for (int i = period - 1; i > 0; i--) {
                e[0] = k * in[today++] + rest * e[0];
                for (int m = 1; m < level; m++) {
                    e[m] = k * e[m - 1] + rest * e[m];
                }
                sum += e[level - 1];
            }
            e[level] = sum / period;
        }
        double e1 = e[0];
        double e2 = e[1];
        double e3 = e[2];
        double e4 = e[3];
        double e5 = e[4];
        double e6 = e[5];
        double c1 = c[0];
        double c2 = c[1];
        double c3 = c[2];
        double c4 = c[3];
        out[lookback] = c1 * e6 + c2 * e5 + c3 * e4 + c4 * e3;
        for (int i = lookback + 1; i < len; i++) {
            e1 = k * in[inOff + i] + rest * e1;
            e2 = k * e1 + rest * e2;
            e3 = k * e2 + rest * e3;
            e4 = k * e3 + rest * e4;
            e5 = k * e4 + rest * e5;
            e6 = k * e5 + rest * e6;
            out[i] = c1 * e6 + c2 * e5 + c3 * e4 + c4 * e3;
        }
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new State(p.getInt(0), p.get(1));
    }

    /**
     * Streaming T3: six levels, each counting its inputs; a level sums its first {@code period} inputs into
     * its seed and steps after that, and passes its value up from the bar it has one.
     */
    static final class State extends CloseDrivenState {
        private final int period;
        private final double k;
        private final double rest;
        private final double[] c;
        private final long[] count = new long[LEVELS];
        private final double[] sum = new double[LEVELS];
        private final double[] e = new double[LEVELS];
        private double value = Double.NaN;

        State(int period, double vfactor) {
            super(1);
            this.period = period;
            this.k = 2.0 / (period + 1.0);
            this.rest = 1.0 - k;
            this.c = coefficients(vfactor);
        }

        @Override
        void push(double close) {
            double x = close;
            for (int level = 0; level < LEVELS; level++) {
                long n = count[level]++;
                if (n >= period) {
                    e[level] = k * x + rest * e[level];
                } else {
                    sum[level] = n == 0 ? x : sum[level] + x;
                    if (n < period - 1) {
                        return;
                    }
                    e[level] = sum[level] / period;
                }
                x = e[level];
            }
            value = c[0] * e[5] + c[1] * e[4] + c[2] * e[3] + c[3] * e[2];
        }

        @Override
        double output(int output) {
            return value;
        }

        @Override
        void saveValues(StateWriter out) {
            for (int i = 0; i < LEVELS; i++) {
                out.putLong("count" + i, count[i]);
            }
            out.putDoubles("sums", sum.clone());
            out.putDoubles("emas", e.clone());
            out.putDouble("value", value);
        }

        @Override
        void restoreValues(StateReader in) {
            double[] sums = in.getDoubles("sums");
            double[] emas = in.getDoubles("emas");
            if (sums.length != LEVELS || emas.length != LEVELS) {
                throw new IllegalStateException("state is not a T3 of " + LEVELS + " levels");
            }
            for (int i = 0; i < LEVELS; i++) {
                long n = in.getLong("count" + i);
                if (n < 0) {
                    throw new IllegalStateException("state: level " + i + " has negative count " + n);
                }
                count[i] = n;
            }
            System.arraycopy(sums, 0, sum, 0, LEVELS);
            System.arraycopy(emas, 0, e, 0, LEVELS);
            value = in.getDouble("value");
        }
    }
}
