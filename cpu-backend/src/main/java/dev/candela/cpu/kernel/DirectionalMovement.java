package dev.candela.cpu.kernel;

/**
 * Wilder's directional movement system, TA-Lib-exact: +DM/-DM, the directional indicators +DI/-DI, the
 * directional index DX and its average ADX.
 *
 * <p>The up move of bar {@code i} is {@code high[i] - high[i-1]}, the down move {@code low[i-1] - low[i]};
 * +DM is the up move when it is positive and larger than the down move, -DM the converse, else 0. Over
 * {@code period} bars, +DM, -DM and the true range are accumulated for bars {@code 1..period-1} and then
 * smoothed with {@link WilderSmoothing#nextSum}, so the first +DI/-DI/DX value is at bar {@code period}
 * and the first ADX at bar {@code 2 * period - 1}.
 *
 * <p>Zero tests follow TA-Lib 0.4.0, which treats {@code |x| < 1e-8} as zero: a +DI/-DI over a zero true
 * range is 0; a DX whose +DI + -DI is zero is undefined, and then DX repeats its previous value (0 at
 * its first bar) and ADX skips the bar. {@code NaN} prices propagate. Kernels read
 * {@code high[hOff + i]} etc. and write {@code out[outOff + i]} for {@code i} in {@code [0, len)},
 * {@code NaN} before their lookback; they never allocate.
 */
public final class DirectionalMovement {
    private DirectionalMovement() {
    }

    /** +DM of one bar from its up and down moves. */
    public static double plus(double upMove, double downMove) {
        return upMove > 0 && upMove > downMove ? upMove : 0.0;
    }

    /** -DM of one bar from its up and down moves. */
    public static double minus(double upMove, double downMove) {
        return downMove > 0 && downMove > upMove ? downMove : 0.0;
    }

    /** +DI or -DI in percent from a smoothed DM sum and the smoothed true range sum; 0 over a zero range. */
    public static double indicator(double dmSum, double trueRangeSum) {
        return TaLibZero.isZero(trueRangeSum) ? 0.0 : 100.0 * (dmSum / trueRangeSum);
    }

    /** Whether DX is defined for these directional indicators: their sum is not zero. */
    public static boolean hasIndex(double plusDi, double minusDi) {
        return !TaLibZero.isZero(minusDi + plusDi);
    }

    /** DX in percent; meaningful only where {@link #hasIndex} holds. */
    public static double index(double plusDi, double minusDi) {
        return 100.0 * (Math.abs(minusDi - plusDi) / (minusDi + plusDi));
    }

    /**
     * +DI and -DI over {@code period} bars (lookback {@code period}; {@code period >= 1}). Both outputs
     * are written; a caller needing one passes scratch for the other.
     */
    public static void indicators(double[] high, int hOff, double[] low, int lOff, double[] close, int cOff,
                                  int len, int period, double[] plusDi, int pOff, double[] minusDi, int mOff) {
        if (period < 1) {
            throw new IllegalArgumentException("period must be >= 1, was " + period);
        }
        MovingAverages.warmUp(plusDi, pOff, len, period);
        if (!MovingAverages.warmUp(minusDi, mOff, len, period)) {
            return;
        }
        double plusDm = 0;
        double minusDm = 0;
        double tr = 0;
        for (int i = 1; i < period; i++) {
            double up = high[hOff + i] - high[hOff + i - 1];
            double down = low[lOff + i - 1] - low[lOff + i];
            plusDm += plus(up, down);
            minusDm += minus(up, down);
            tr += TrueRange.of(high[hOff + i], low[lOff + i], close[cOff + i - 1]);
        }
        double nd = period;
        for (int i = period; i < len; i++) {
            double up = high[hOff + i] - high[hOff + i - 1];
            double down = low[lOff + i - 1] - low[lOff + i];
            plusDm = WilderSmoothing.nextSum(plusDm, plus(up, down), nd);
            minusDm = WilderSmoothing.nextSum(minusDm, minus(up, down), nd);
            tr = WilderSmoothing.nextSum(tr, TrueRange.of(high[hOff + i], low[lOff + i], close[cOff + i - 1]), nd);
            plusDi[pOff + i] = indicator(plusDm, tr);
            minusDi[mOff + i] = indicator(minusDm, tr);
        }
    }

    /**
     * DX from the +DI and -DI of {@link #indicators} with the same {@code period} (lookback
     * {@code period}); where DX is undefined it repeats the previous value, 0 at the first bar.
     */
    public static void index(double[] plusDi, int pOff, double[] minusDi, int mOff, double[] out, int outOff,
                             int len, int period) {
        if (!MovingAverages.warmUp(out, outOff, len, period)) {
            return;
        }
        double dx = 0.0;
        for (int i = period; i < len; i++) {
            double p = plusDi[pOff + i];
            double m = minusDi[mOff + i];
            if (hasIndex(p, m)) {
                dx = index(p, m);
            }
            out[outOff + i] = dx;
        }
    }

    /**
     * ADX from the +DI and -DI of {@link #indicators} with the same {@code period} (lookback
     * {@code 2 * period - 1}): seeded with the sum of the defined DX values of bars
     * {@code period..2*period-1} divided by {@code period}, then {@link WilderSmoothing#nextAverage} over
     * each defined DX.
     */
    public static void averageIndex(double[] plusDi, int pOff, double[] minusDi, int mOff, double[] out,
                                    int outOff, int len, int period) {
        int lookback = 2 * period - 1;
        if (!MovingAverages.warmUp(out, outOff, len, lookback)) {
            return;
        }
        double sum = 0.0;
        for (int i = period; i <= lookback; i++) {
            double p = plusDi[pOff + i];
            double m = minusDi[mOff + i];
            if (hasIndex(p, m)) {
                sum += index(p, m);
            }
        }
        double nd = period;
        double nm1 = period - 1;
        double adx = sum / nd;
        out[outOff + lookback] = adx;
        for (int i = lookback + 1; i < len; i++) {
            double p = plusDi[pOff + i];
            double m = minusDi[mOff + i];
            if (hasIndex(p, m)) {
                adx = WilderSmoothing.nextAverage(adx, index(p, m), nm1, nd);
            }
            out[outOff + i] = adx;
        }
    }
}
