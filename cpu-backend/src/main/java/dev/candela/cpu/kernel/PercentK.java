package dev.candela.cpu.kernel;

/**
 * The fast %K of the stochastic oscillators (TA-Lib's STOCH, STOCHF and STOCHRSI): where a value stands in
 * the high-low range of the last {@code period} bars, in percent, {@code (value - lowest) / ((highest -
 * lowest) / 100)}, and 0 when that scaled range is exactly 0, in TA-Lib's operation order.
 *
 * <p>Series kernels follow {@link MovingAverages}' layout: {@code NaN} before the lookback, so the moving
 * averages of %K nest on them. The streaming form is {@link #of} over a {@link RollingRange}.
 */
public final class PercentK {
    private PercentK() {
    }

    /** Fast %K of {@code value} in the range {@code [lowest, highest]}. */
    public static double of(double value, double highest, double lowest) {
        double range = (highest - lowest) / 100.0;
        return range != 0.0 ? (value - lowest) / range : 0.0;
    }

    /**
     * Fast %K of {@code value} against the highest {@code high} and the lowest {@code low} of the last
     * {@code period} bars (pass one series three times for the stochastic of that series), written to
     * {@code out[outOff, outOff + len)}, lookback {@code period - 1}. {@code scratch[outOff, outOff + len)}
     * receives the rolling maximum; {@code out} must not overlap the inputs.
     */
    public static void series(double[] value, int vOff, double[] high, int hOff, double[] low, int lOff, double[] out,
                              int outOff, int len, int period, double[] scratch) {
        RollingExtremes.max(high, hOff, scratch, outOff, len, period);
        RollingExtremes.min(low, lOff, out, outOff, len, period);
        int shift = vOff - outOff;
        for (int j = outOff + period - 1; j < outOff + len; j++) {
            out[j] = of(value[shift + j], scratch[j], out[j]);
        }
    }

    /**
     * TA-Lib's STOCHF outputs from a fast %K series with values from bar {@code kStart}: {@code d} the SMA
     * of %K over {@code dPeriod} values and {@code k} the %K itself, both {@code NaN} before bar
     * {@code kStart + dPeriod - 1}, where TA-Lib aligns them. {@code k} may be {@code fastK} itself;
     * {@code d} must be another array. Requires {@code len > kStart + dPeriod - 1}.
     */
    public static void withSmoothedD(double[] fastK, int kStart, int dPeriod, double[] k, double[] d, int len) {
        int lookback = kStart + dPeriod - 1;
        MovingAverages.sma(fastK, kStart, d, kStart, len - kStart, dPeriod);
        MovingAverages.nan(d, 0, kStart);
        if (k != fastK) {
            System.arraycopy(fastK, lookback, k, lookback, len - lookback);
        }
        MovingAverages.nan(k, 0, lookback);
    }
}
