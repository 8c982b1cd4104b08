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
 * <p>TA-Lib writes this EMA step as {@code k * x + (1 - k) * e} ({@link MovingAverages#emaStepWeighted}),
 * not as {@link MovingAverages#emaStep}; the two round differently, so both the batch and the stream use
 * TA-Lib's form. The seeding of the six levels is also T3's own, so they are not an
 * {@link MovingAverages#emaChain}.
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

    /** T3 from the third to sixth EMA levels, {@code c1 e6 + c2 e5 + c3 e4 + c4 e3} in TA-Lib's order. */
    static double combination(double c1, double c2, double c3, double c4, double e3, double e4, double e5, double e6) {
        return c1 * e6 + c2 * e5 + c3 * e4 + c4 * e3;
    }

    static void t3(double[] in, int inOff, double[] out, int len, int period, double vfactor) {
        int lookback = LEVELS * (period - 1);
        if (!MovingAverages.warmUp(out, 0, len, lookback)) {
            return;
        }
        double k = MovingAverages.emaFactor(period);
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
                e[0] = MovingAverages.emaStepWeighted(e[0], in[today++], k, rest);
                for (int m = 1; m < level; m++) {
                    e[m] = MovingAverages.emaStepWeighted(e[m], e[m - 1], k, rest);
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
        out[lookback] = combination(c1, c2, c3, c4, e3, e4, e5, e6);
        for (int i = lookback + 1; i < len; i++) {
            e1 = MovingAverages.emaStepWeighted(e1, in[inOff + i], k, rest);
            e2 = MovingAverages.emaStepWeighted(e2, e1, k, rest);
            e3 = MovingAverages.emaStepWeighted(e3, e2, k, rest);
            e4 = MovingAverages.emaStepWeighted(e4, e3, k, rest);
            e5 = MovingAverages.emaStepWeighted(e5, e4, k, rest);
            e6 = MovingAverages.emaStepWeighted(e6, e5, k, rest);
            out[i] = combination(c1, c2, c3, c4, e3, e4, e5, e6);
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
            this.k = MovingAverages.emaFactor(period);
            this.rest = 1.0 - k;
            this.c = coefficients(vfactor);
        }

        @Override
        void push(double close) {
            double x = close;
            for (int level = 0; level < LEVELS; level++) {
                long n = count[level]++;
                if (n >= period) {
                    e[level] = MovingAverages.emaStepWeighted(e[level], x, k, rest);
                } else {
                    sum[level] = n == 0 ? x : sum[level] + x;
                    if (n < period - 1) {
                        return;
                    }
                    e[level] = sum[level] / period;
                }
                x = e[level];
            }
            value = combination(c[0], c[1], c[2], c[3], e[2], e[3], e[4], e[5]);
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
