package dev.candela.cpu.kernel;

/**
 * Welles Wilder's smoothing in the forms TA-Lib uses, written once so that every indicator built on them
 * (RSI, CMO, ATR, NATR, the directional movement family) rounds the same way.
 *
 * <p>The operation order is part of the contract: TA-Lib multiplies, adds and then divides, and a
 * rearranged formula ({@code prev + (x - prev) / n}) drifts from it in the last bits, which an
 * exponentially weighted recursion carries forward. Java's double arithmetic is strict, so one
 * expression here rounds exactly like TA-Lib's three statements.
 *
 * <p>A recursion like this is bound by the latency of its dependency chain, not by throughput: with a
 * division the chain is multiply + add + divide, about 20 cycles per bar on current x86 cores, and TA-Lib
 * runs at that bound too. {@link #nextAverageScaled} multiplies by the reciprocal instead, which halves the
 * chain, and {@link #nextAverageWeighted} takes the new value's share off the chain, which leaves a third
 * of it; see there for what that costs in precision.
 */
public final class WilderSmoothing {
    private WilderSmoothing() {
    }

    /**
     * The next Wilder average: {@code prev *= (period - 1); prev += x; prev /= period} (RSI's gains and
     * losses as TA-Lib smooths them, ATR, ADX).
     */
    public static double nextAverage(double prev, double x, double periodMinusOne, double period) {
        return (prev * periodMinusOne + x) / period;
    }

    /**
     * The next Wilder average in TA-Lib's order with the final division replaced by a multiplication with
     * {@code inversePeriod = 1.0 / period}: {@code prev *= (period - 1); prev += x; prev *= 1 / period}.
     *
     * <p>Each step may differ from {@link #nextAverage} by a few units in the last place, and the recursion
     * forgets old differences at the rate {@code 1 / period} per bar, so results stay within about
     * {@code period * 1e-15} of TA-Lib's, relatively: around 1e-14 at the usual periods and 1e-10 at the
     * largest valid one, inside the 1e-9 agreement required. Where a formula magnifies last-bit differences
     * (a ratio over a nearly flat range), use {@link #nextAverage}.
     */
    public static double nextAverageScaled(double prev, double x, double periodMinusOne, double inversePeriod) {
        return (prev * periodMinusOne + x) * inversePeriod;
    }

    /**
     * The next Wilder average as a weighted sum, {@code prev * decay + x * weight} with
     * {@code decay = (period - 1.0) / period} and {@code weight = 1.0 / period}: the same average as
     * {@link #nextAverage}, rounded differently. {@code x * weight} does not depend on {@code prev}, so the
     * chain from one bar to the next is one multiplication and one addition (about 6 cycles), a third of
     * TA-Lib's multiply, add and divide.
     *
     * <p>Each step differs from TA-Lib's by a few units in the last place, and {@code decay + weight} differs
     * from 1 by at most one unit; the recursion forgets old differences at the rate {@code 1 / period} per bar,
     * so values stay within about {@code period * 3e-16} of TA-Lib's, relatively: around 1e-14 at the usual
     * periods and 3e-11 at the largest valid one, inside the 1e-9 agreement required. Where a formula
     * magnifies last-bit differences, use {@link #nextAverage}.
     */
    public static double nextAverageWeighted(double prev, double x, double decay, double weight) {
        return prev * decay + x * weight;
    }

    /** {@code (period - 1.0) / period}, the {@code decay} of {@link #nextAverageWeighted}. */
    public static double decay(int period) {
        return (period - 1.0) / period;
    }

    /** {@code 1.0 / period}, the {@code weight} of {@link #nextAverageWeighted}. */
    public static double weight(int period) {
        return 1.0 / period;
    }

    /**
     * The next Wilder running sum: {@code sum - sum / period + x}, evaluated left to right (the smoothed
     * directional movement and true range sums of PLUS_DI, MINUS_DI, DX and ADX).
     */
    public static double nextSum(double sum, double x, double period) {
        return sum - sum / period + x;
    }
}
