package dev.candela.cpu.kernel;

import java.util.Arrays;

/**
 * TA-Lib-exact simple and exponential moving averages over array ranges: the building blocks of most
 * other indicators.
 *
 * <p>Every kernel reads {@code in[inOff + i]} and writes {@code out[outOff + i]} for {@code i} in
 * {@code [0, len)}, writing {@code NaN} before its lookback, so kernels nest: an EMA of an EMA starts
 * where the first one's values start. Input and output may be the same array only where a kernel says
 * so. No kernel allocates. The streaming forms are {@link SmaStream}, {@link EmaStream} (chained level by
 * level for {@link #emaChain}) and {@link WmaStream}.
 */
public final class MovingAverages {

    private MovingAverages() {
    }

    /** Fills {@code out[off, off + len)} with NaN. */
    public static void nan(double[] out, int off, int len) {
        Arrays.fill(out, off, off + Math.max(0, len), Double.NaN);
    }

    /**
     * TA-Lib's warm-up of a series of {@code len} bars with lookback {@code lookback}: writes {@code NaN} to
     * {@code out[off, off + min(len, lookback))} and returns whether any bar has a value, i.e. whether
     * {@code len > lookback}.
     */
    public static boolean warmUp(double[] out, int off, int len, int lookback) {
        nan(out, off, Math.min(len, lookback));
        return len > lookback;
    }

    /**
     * Simple moving average, lookback {@code period - 1}: TA-Lib's running sum of {@code period - 1}
     * values, add the new value, emit sum / period, subtract the oldest.
     */
    public static void sma(double[] in, int inOff, double[] out, int outOff, int len, int period) {
        int lookback = period - 1;
        if (!warmUp(out, outOff, len, lookback)) {
            return;
        }
        double sum = 0;
        for (int i = 0; i < lookback; i++) {
            sum += in[inOff + i];
        }
        for (int i = lookback; i < len; i++) {
            sum += in[inOff + i];
            double value = sum;
            sum -= in[inOff + i - lookback];
            out[outOff + i] = value / period;
        }
    }

    /**
     * The SMA of {@link #sma}, same warm-up, with a shorter chain: the window's sum is the sum of the first
     * {@code period} values (in order from 0.0, as TA-Lib's), then moves by the change
     * {@code x[i] - x[i - period]}, and each output is that sum times {@code 1 / period}. TA-Lib adds the new
     * value and subtracts the old one from its running sum, two dependent additions per bar; here the change
     * is formed off the chain, so the chain is one addition. The sums round differently from TA-Lib's: both
     * drift from exact arithmetic by a random walk of half-units in the last place of the sum, about
     * {@code 1e-13} of the average after a million bars, inside the 1e-9 agreement required.
     */
    public static void smaByChanges(double[] in, int inOff, double[] out, int outOff, int len, int period) {
        int lookback = period - 1;
        if (!warmUp(out, outOff, len, lookback)) {
            return;
        }
        smaByChangesHead(in, inOff, out, outOff, period, len - 1);
    }

    /**
     * {@link #smaByChanges} from its first value up to bar {@code last} inclusive ({@code last >= period - 1});
     * returns the window's sum at {@code last}. Bars before the first value are left as they are.
     */
    private static double smaByChangesHead(double[] in, int inOff, double[] out, int outOff, int period, int last) {
        double inverse = 1.0 / period;
        double sum = emaSeedSum(in, inOff, period);
        out[outOff + period - 1] = sum * inverse;
        int trailing = inOff - period;
        for (int i = period; i <= last; i++) {
            sum += in[inOff + i] - in[trailing + i];
            out[outOff + i] = sum * inverse;
        }
        return sum;
    }

    /** Exponential moving average with TA-Lib's {@code k = 2 / (period + 1)}. */
    public static void ema(double[] in, int inOff, double[] out, int outOff, int len, int period) {
        ema(in, inOff, out, outOff, len, period, 2.0 / (period + 1));
    }

    /**
     * Exponential moving average with smoothing factor {@code k}, lookback {@code period - 1}: seeded
     * with the SMA of the first {@code period} values (summed in order from 0.0), then
     * {@code prev = (x - prev) * k + prev}. {@code in} and {@code out} may be the same range.
     */
    public static void ema(double[] in, int inOff, double[] out, int outOff, int len, int period, double k) {
        int lookback = period - 1;
        if (len <= lookback) {
            nan(out, outOff, len);
            return;
        }
        double sum = 0;
        for (int i = 0; i < period; i++) {
            sum += in[inOff + i];
        }
        double prev = sum / period;
        nan(out, outOff, lookback);
        out[outOff + lookback] = prev;
        for (int i = period; i < len; i++) {
            prev = (in[inOff + i] - prev) * k + prev;
            out[outOff + i] = prev;
        }
    }

    /**
     * The EMA of {@link #ema(double[], int, double[], int, int, int)}, same seed, with each step in the
     * weighted form {@code k * x + (1 - k) * prev} ({@link #emaStepWeighted}): {@code k * x} does not depend
     * on {@code prev}, so the chain from bar to bar is a multiplication and an addition where TA-Lib's
     * {@code (x - prev) * k + prev} has a subtraction too, a third shorter. The forms round differently; the
     * recursion forgets old differences at the rate {@code k} per bar, so values stay within about
     * {@code (period + 1) * 3e-16} of TA-Lib's, relatively (3e-11 at the largest valid period), inside the
     * 1e-9 agreement required. The {@code ema} indicator uses this form; indicators that subtract EMAs
     * (MACD, APO, DEMA) keep TA-Lib's.
     */
    public static void emaWeighted(double[] in, int inOff, double[] out, int outOff, int len, int period) {
        int lookback = period - 1;
        if (len <= lookback) {
            nan(out, outOff, len);
            return;
        }
        double k = emaFactor(period);
        double rest = 1.0 - k;
        double prev = emaSeed(in, inOff, period);
        nan(out, outOff, lookback);
        out[outOff + lookback] = prev;
        for (int i = period; i < len; i++) {
            prev = emaStepWeighted(prev, in[inOff + i], k, rest);
            out[outOff + i] = prev;
        }
    }

    /** The EMA's seed: the mean of the first {@code period} values, summed in order from 0.0. */
    private static double emaSeed(double[] in, int inOff, int period) {
        return emaSeedSum(in, inOff, period) / period;
    }

    /** The sum of the first {@code period} values, in order from 0.0. */
    private static double emaSeedSum(double[] in, int inOff, int period) {
        double sum = 0;
        for (int i = 0; i < period; i++) {
            sum += in[inOff + i];
        }
        return sum;
    }

    /**
     * EMAs of one period stacked on each other as TA-Lib's DEMA, TEMA and TRIX stack them: {@code levels[0]}
     * is the EMA of {@code in[inOff, inOff + len)} and {@code levels[m]} the EMA of {@code levels[m - 1]},
     * seeded from the bar where that one has its first value, so level {@code m} has values from bar
     * {@code (m + 1) * (period - 1)} and {@code NaN} for the {@code period - 1} bars before it; earlier
     * elements of a level are left as they are. The levels are indexed from 0 and may be the same array:
     * each EMA then runs in place over the one below.
     */
    public static void emaChain(double[] in, int inOff, int len, int period, double[]... levels) {
        int lookback = period - 1;
        ema(in, inOff, levels[0], 0, len, period);
        for (int m = 1; m < levels.length; m++) {
            int start = m * lookback;
            ema(levels[m - 1], start, levels[m], start, len - start, period);
        }
    }

    /**
     * EMA seeded at an explicit bar: the seed is the SMA of {@code in[seedFrom .. seedTo]} (inclusive),
     * emitted at {@code seedTo}; recursion continues to {@code len}. Bars before {@code seedTo} are NaN.
     * TA-Lib's MACD seeds its fast EMA this way, over the bars that end where the slow EMA's seed ends.
     */
    public static void emaSeeded(double[] in, int inOff, double[] out, int outOff, int len, int seedFrom, int seedTo,
                                 double k) {
        if (seedTo >= len) {
            nan(out, outOff, len);
            return;
        }
        double sum = 0;
        for (int i = seedFrom; i <= seedTo; i++) {
            sum += in[inOff + i];
        }
        double prev = sum / (seedTo - seedFrom + 1);
        nan(out, outOff, seedTo);
        out[outOff + seedTo] = prev;
        for (int i = seedTo + 1; i < len; i++) {
            prev = (in[inOff + i] - prev) * k + prev;
            out[outOff + i] = prev;
        }
    }

    /** TA-Lib's EMA smoothing factor {@code 2 / (period + 1)}. */
    public static double emaFactor(int period) {
        return 2.0 / (period + 1);
    }

    /**
     * One EMA step, {@code (x - prev) * k + prev}, in TA-Lib's operation order: streaming states and fused
     * loops call this so that they round exactly like {@link #ema}.
     */
    public static double emaStep(double prev, double x, double k) {
        return (x - prev) * k + prev;
    }

    /**
     * One EMA step in the weighted form {@code k * x + rest * prev} with {@code rest = 1 - k}, as TA-Lib's T3
     * and ADOSC write it. It rounds differently from {@link #emaStep}; T3 and ADOSC use it to round as TA-Lib
     * does, the {@code ema} indicator ({@link #emaWeighted}) for its shorter chain.
     */
    public static double emaStepWeighted(double prev, double x, double k, double rest) {
        return k * x + rest * prev;
    }

    /**
     * Several EMAs at once, lane {@code j} reading {@code in[j][inOff[j] + i]} and writing
     * {@code out[j][outOff[j] + i]} for {@code i} in {@code [0, len)} with period {@code period[j]}. Lanes
     * may share an input (a sweep over periods) or not (a batch of symbols). Every lane equals
     * {@link #emaWeighted} of the same arguments bit for bit.
     *
     * <p>An EMA is one long chain of dependent operations, so a single one leaves most of the CPU idle;
     * four independent chains in one loop take little longer than one (about three times the throughput).
     * A group of four runs side by side from the end of its longest warm-up, so lanes of similar periods
     * belong together.
     */
    public static void emaLanes(double[][] in, int[] inOff, double[][] out, int[] outOff, int len, int[] period) {
        lanes(true, in, inOff, out, outOff, len, period);
    }

    /**
     * Runs lanes four at a time from the end of each group's longest warm-up, and one at a time where fewer
     * than four remain or a group's warm-up leaves no bar to run side by side.
     */
    private static void lanes(boolean exponential, double[][] in, int[] inOff, double[][] out, int[] outOff, int len,
                              int[] period) {
        int lanes = checkLanes(in, inOff, out, outOff, period);
        int j = 0;
        for (; j + 4 <= lanes; j += 4) {
            int start = Math.max(Math.max(period[j], period[j + 1]), Math.max(period[j + 2], period[j + 3])) - 1;
            if (len <= start + 1) {
                for (int m = j; m < j + 4; m++) {
                    lane(exponential, in, inOff, out, outOff, len, period, m);
                }
            } else if (exponential) {
                ema4(in, inOff, out, outOff, len, period, j, start);
            } else {
                sma4(in, inOff, out, outOff, len, period, j, start);
            }
        }
        for (; j < lanes; j++) {
            lane(exponential, in, inOff, out, outOff, len, period, j);
        }
    }

    private static void lane(boolean exponential, double[][] in, int[] inOff, double[][] out, int[] outOff, int len,
                             int[] period, int m) {
        if (exponential) {
            emaWeighted(in[m], inOff[m], out[m], outOff[m], len, period[m]);
        } else {
            smaByChanges(in[m], inOff[m], out[m], outOff[m], len, period[m]);
        }
    }

    /** Four EMA lanes side by side from bar {@code start + 1}, each after its own warm-up and seed. */
    private static void ema4(double[][] in, int[] inOff, double[][] out, int[] outOff, int len, int[] period, int j,
                             int start) {
        // The arrays and offsets live in locals so that the loop keeps all four streams in registers.
        double[] in0 = in[j];
        double[] in1 = in[j + 1];
        double[] in2 = in[j + 2];
        double[] in3 = in[j + 3];
        double[] out0 = out[j];
        double[] out1 = out[j + 1];
        double[] out2 = out[j + 2];
        double[] out3 = out[j + 3];
        int i0 = inOff[j];
        int i1 = inOff[j + 1];
        int i2 = inOff[j + 2];
        int i3 = inOff[j + 3];
        int o0 = outOff[j];
        int o1 = outOff[j + 1];
        int o2 = outOff[j + 2];
        int o3 = outOff[j + 3];
        double k0 = emaFactor(period[j]);
        double k1 = emaFactor(period[j + 1]);
        double k2 = emaFactor(period[j + 2]);
        double k3 = emaFactor(period[j + 3]);
        double r0 = 1.0 - k0;
        double r1 = 1.0 - k1;
        double r2 = 1.0 - k2;
        double r3 = 1.0 - k3;
        double e0 = emaHead(in0, i0, out0, o0, period[j], k0, start);
        double e1 = emaHead(in1, i1, out1, o1, period[j + 1], k1, start);
        double e2 = emaHead(in2, i2, out2, o2, period[j + 2], k2, start);
        double e3 = emaHead(in3, i3, out3, o3, period[j + 3], k3, start);
        for (int i = start + 1; i < len; i++) {
            e0 = emaStepWeighted(e0, in0[i0 + i], k0, r0);
            e1 = emaStepWeighted(e1, in1[i1 + i], k1, r1);
            e2 = emaStepWeighted(e2, in2[i2 + i], k2, r2);
            e3 = emaStepWeighted(e3, in3[i3 + i], k3, r3);
            out0[o0 + i] = e0;
            out1[o1 + i] = e1;
            out2[o2 + i] = e2;
            out3[o3 + i] = e3;
        }
    }

    /** The EMA's warm-up, seed and values up to bar {@code last} inclusive; returns the value at {@code last}. */
    private static double emaHead(double[] in, int inOff, double[] out, int outOff, int period, double k, int last) {
        double rest = 1.0 - k;
        double prev = emaSeed(in, inOff, period);
        nan(out, outOff, period - 1);
        out[outOff + period - 1] = prev;
        for (int i = period; i <= last; i++) {
            prev = emaStepWeighted(prev, in[inOff + i], k, rest);
            out[outOff + i] = prev;
        }
        return prev;
    }

    /**
     * Several SMAs at once, laid out as in {@link #emaLanes}; every lane equals {@link #smaByChanges} of the
     * same arguments bit for bit.
     */
    public static void smaLanes(double[][] in, int[] inOff, double[][] out, int[] outOff, int len, int[] period) {
        lanes(false, in, inOff, out, outOff, len, period);
    }

    /** Four SMA lanes side by side from bar {@code start + 1}, each after its own warm-up. */
    private static void sma4(double[][] in, int[] inOff, double[][] out, int[] outOff, int len, int[] period, int j,
                             int start) {
        int p0 = period[j];
        int p1 = period[j + 1];
        int p2 = period[j + 2];
        int p3 = period[j + 3];
        // The arrays and offsets live in locals so that the loop keeps all four streams in registers.
        double[] in0 = in[j];
        double[] in1 = in[j + 1];
        double[] in2 = in[j + 2];
        double[] in3 = in[j + 3];
        double[] out0 = out[j];
        double[] out1 = out[j + 1];
        double[] out2 = out[j + 2];
        double[] out3 = out[j + 3];
        int i0 = inOff[j];
        int i1 = inOff[j + 1];
        int i2 = inOff[j + 2];
        int i3 = inOff[j + 3];
        int o0 = outOff[j];
        int o1 = outOff[j + 1];
        int o2 = outOff[j + 2];
        int o3 = outOff[j + 3];
        nan(out0, o0, p0 - 1);
        nan(out1, o1, p1 - 1);
        nan(out2, o2, p2 - 1);
        nan(out3, o3, p3 - 1);
        double s0 = smaByChangesHead(in0, i0, out0, o0, p0, start);
        double s1 = smaByChangesHead(in1, i1, out1, o1, p1, start);
        double s2 = smaByChangesHead(in2, i2, out2, o2, p2, start);
        double s3 = smaByChangesHead(in3, i3, out3, o3, p3, start);
        double v0 = 1.0 / p0;
        double v1 = 1.0 / p1;
        double v2 = 1.0 / p2;
        double v3 = 1.0 / p3;
        // Trailing indices: the value leaving each window at bar i is in[i - period].
        int t0 = i0 - p0;
        int t1 = i1 - p1;
        int t2 = i2 - p2;
        int t3 = i3 - p3;
        for (int i = start + 1; i < len; i++) {
            s0 += in0[i0 + i] - in0[t0 + i];
            s1 += in1[i1 + i] - in1[t1 + i];
            s2 += in2[i2 + i] - in2[t2 + i];
            s3 += in3[i3 + i] - in3[t3 + i];
            out0[o0 + i] = s0 * v0;
            out1[o1 + i] = s1 * v1;
            out2[o2 + i] = s2 * v2;
            out3[o3 + i] = s3 * v3;
        }
    }

    private static int checkLanes(double[][] in, int[] inOff, double[][] out, int[] outOff, int[] period) {
        int lanes = in.length;
        if (inOff.length != lanes || out.length != lanes || outOff.length != lanes || period.length != lanes) {
            throw new IllegalArgumentException("lane arrays differ in length: " + lanes + ", " + inOff.length + ", "
                    + out.length + ", " + outOff.length + ", " + period.length);
        }
        for (int p : period) {
            if (p < 1) {
                throw new IllegalArgumentException("period " + p + " < 1");
            }
        }
        return lanes;
    }

    /**
     * Weighted moving average (weights {@code 1..period}, newest heaviest), lookback {@code period - 1},
     * in TA-Lib's order: a running plain sum and a running weighted sum, the weighted sum dropping the
     * plain sum after each output. Period 1 copies the input. The divisor is computed in 64 bits, so
     * periods above 46340, where TA-Lib's 32-bit {@code period * (period + 1)} overflows, stay correct.
     * {@code in} and {@code out} must not overlap.
     */
    public static void wma(double[] in, int inOff, double[] out, int outOff, int len, int period) {
        if (period == 1) {
            System.arraycopy(in, inOff, out, outOff, Math.max(0, len));
            return;
        }
        int lookback = period - 1;
        if (!warmUp(out, outOff, len, lookback)) {
            return;
        }
        double divider = wmaDivider(period);
        double periodSum = 0;
        double periodSub = 0;
        for (int i = 0; i < lookback; i++) {
            double x = in[inOff + i];
            periodSub += x;
            periodSum += x * (i + 1);
        }
        double trailing = 0;
        for (int i = lookback; i < len; i++) {
            double x = in[inOff + i];
            periodSub += x;
            periodSub -= trailing;
            periodSum += x * period;
            trailing = in[inOff + i - lookback];
            out[outOff + i] = periodSum / divider;
            periodSum -= periodSub;
        }
    }

    /** The sum of the WMA's weights, {@code period * (period + 1) / 2}. */
    public static double wmaDivider(int period) {
        return (double) ((long) period * (period + 1) / 2);
    }
}
