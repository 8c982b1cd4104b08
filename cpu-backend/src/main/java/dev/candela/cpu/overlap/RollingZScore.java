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
 * {@code zscore(period)}: how many population standard deviations the close lies from its
 * {@code period}-bar mean, {@code (close - SMA) / sigma}, over the window that ends on (and includes) the
 * close. Lookback {@code period - 1}. Not in TA-Lib. By Samuelson's inequality
 * {@code |z| <= sqrt(period - 1)}.
 *
 * <p>Accuracy: TA-Lib's one-pass {@code mean(x^2) - mean(x)^2} (kept by {@code stddev} and {@code var} for
 * agreement) cancels the squared price level and keeps only about six digits of a minute-bar variance at
 * a price of 30000. Here mean and sum of squared deviations move by a centred add-and-remove step
 * (Welford's, for a sliding window), and are recomputed exactly from the window (two passes) every
 * {@code period} bars, so that rounding cannot build up, and whenever the sum of squares falls below
 * {@value #COLLAPSE} of its last exact value: the deviations carry rounding of the price level in
 * proportion to the spread they were computed at, which a collapsed spread would magnify. The result stays
 * within about ten times the error of an exact two-pass z-score. A collapse needs large values to leave
 * the window, so the recomputations cost amortised O(1) per bar; batch and stream
 * recompute on the same bars and agree bit for bit.
 *
 * <p>A flat window has no z-score; it scores 0. The mean of equal values need not round to that value, so
 * a window counts as flat when its standard deviation is at most {@value #FLAT_RELATIVE_DEVIATION} of the
 * magnitude of its mean (far below any price tick); an exactly flat window always does.
 */
final class RollingZScore extends CpuIndicator {
    /** Standard deviation, relative to the mean's magnitude, at and below which the window counts as flat. */
    static final double FLAT_RELATIVE_DEVIATION = 1e-9;
    private static final double FLAT_RELATIVE_VARIANCE = FLAT_RELATIVE_DEVIATION * FLAT_RELATIVE_DEVIATION;
    /** Fall of the sum of squares, relative to its last exact value, that triggers an exact recomputation. */
    static final double COLLAPSE = 1e-2;

    RollingZScore() {
        super("zscore", Category.STATISTIC, "Rolling z-score of the close", EnumSet.of(PriceField.CLOSE),
                List.of("value"), OverlapIndicators.period("period", 20, 2, "bars of the mean and deviation"));
    }

    @Override
    public int lookback(Parameters p) {
        return p.getInt(0) - 1;
    }

    /** The z-score of {@code x} in a window of this mean and variance; 0 for a flat window, NaN stays NaN. */
    static double zScore(double x, double mean, double variance) {
        return variance <= FLAT_RELATIVE_VARIANCE * (mean * mean) ? 0.0 : (x - mean) / Math.sqrt(variance);
    }

    /** Mean of {@code in[from, from + n)}, summed from the oldest value. */
    static double exactMean(double[] in, int from, int n) {
        double sum = 0.0;
        for (int j = from; j < from + n; j++) {
            sum += in[j];
        }
        return sum / n;
    }

    /** Sum of squared deviations of {@code in[from, from + n)} from {@code mean}, from the oldest value. */
    static double exactSquares(double[] in, int from, int n, double mean) {
        double m2 = 0.0;
        for (int j = from; j < from + n; j++) {
            double d = in[j] - mean;
            m2 += d * d;
        }
        return m2;
    }

    @Override
    protected void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        Column close = bars.column(PriceField.CLOSE, symbol);
        zscore(close.array(), close.offset(), out.array(0, symbol), bars.barCount(), p.getInt(0));
    }

    static void zscore(double[] in, int inOff, double[] out, int len, int period) {
        int lookback = period - 1;
        if (!MovingAverages.warmUp(out, 0, len, lookback)) {
            return;
        }
        double mean = 0.0;
        double m2 = 0.0;
        double exactM2 = 0.0;
        int untilExact = 0;
        for (int i = lookback; i < len; i++) {
            double x = in[inOff + i];
            if (untilExact > 0) {
                double y = in[inOff + i - period];
                double delta = x - y;
                double previous = mean;
                mean = previous + delta / period;
                m2 += delta * ((x - mean) + (y - previous));
            }
            if (untilExact == 0 || m2 < exactM2 * COLLAPSE) {
                int from = inOff + i - lookback;
                mean = exactMean(in, from, period);
                m2 = exactSquares(in, from, period, mean);
                exactM2 = m2;
                untilExact = period;
            }
            untilExact--;
            out[i] = zScore(x, mean, m2 / period);
        }
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new State(p.getInt(0));
    }

    /** Streaming z-score: the same steps and exact recomputations over a ring of the window. */
    static final class State extends CloseDrivenState {
        private final int period;
        private final SlidingWindow closes;
        private final double[] window;
        private long untilExact;
        private double mean;
        private double m2;
        private double exactM2;
        private double value = Double.NaN;

        State(int period) {
            super(1);
            this.period = period;
            this.closes = new SlidingWindow(period);
            this.window = new double[period];
        }

        @Override
        void push(double close) {
            double leaving = closes.oldest();
            closes.push(close);
            if (!closes.isFull()) {
                return;
            }
            if (untilExact > 0) {
                double delta = close - leaving;
                double previous = mean;
                mean = previous + delta / period;
                m2 += delta * ((close - mean) + (leaving - previous));
            }
            if (untilExact == 0 || m2 < exactM2 * COLLAPSE) {
                // Oldest first, as the batch sums it.
                closes.copyOldestFirst(window);
                mean = exactMean(window, 0, period);
                m2 = exactSquares(window, 0, period, mean);
                exactM2 = m2;
                untilExact = period;
            }
            untilExact--;
            value = zScore(close, mean, m2 / period);
        }

        @Override
        double output(int output) {
            return value;
        }

        @Override
        void saveValues(StateWriter out) {
            closes.save(out, "");
            out.putLong("untilExact", untilExact);
            out.putDouble("mean", mean);
            out.putDouble("m2", m2);
            out.putDouble("exactM2", exactM2);
            out.putDouble("value", value);
        }

        @Override
        void restoreValues(StateReader in) {
            long savedUntilExact = in.getLong("untilExact");
            if (savedUntilExact < 0 || savedUntilExact >= period) {
                throw new IllegalStateException("state is not a z-score of period " + period);
            }
            closes.restore(in, "");
            untilExact = savedUntilExact;
            mean = in.getDouble("mean");
            m2 = in.getDouble("m2");
            exactM2 = in.getDouble("exactM2");
            value = in.getDouble("value");
        }
    }
}
