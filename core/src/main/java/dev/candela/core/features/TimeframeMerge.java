package dev.candela.core.features;

import dev.candela.core.data.LongColumn;
import dev.candela.core.data.Timeframe;

import java.util.Objects;

/**
 * Lays values of a higher timeframe onto the rows of a base timeframe without looking ahead.
 *
 * <p>A base row holds what is known when its bar closes. A higher candle is known once it has closed,
 * so it first appears on the base bar that closes when it closes: the bar opening at
 * {@code open + higher - base}. On hourly bars the 4h candle 00:00&ndash;04:00 first appears on the bar
 * opening 03:00, and a daily candle on the bar opening 23:00. Each base row then carries the newest
 * higher candle whose attach time is at or before the row's open time, so:
 * <ul>
 *   <li>where the base data has a gap at the attach time, the candle appears on the first base bar after
 *       the gap, never before;</li>
 *   <li>a higher candle whose period has not ended by the close of the last base bar never appears,
 *       whatever it was computed from;</li>
 *   <li>rows before the first higher candle closes carry nothing ({@code -1}, merged as {@code NaN}).</li>
 * </ul>
 *
 * <p>This is freqtrade's merge rule for informative pairs (shift by {@code higher - base} before joining),
 * which fixed its off-by-one-candle look-ahead, applied as an as-of join so that gaps in the base data
 * do not drop higher candles.
 */
public final class TimeframeMerge {

    private TimeframeMerge() {
    }

    /**
     * For each base row, the index of the newest higher candle known at that row's close, or -1.
     *
     * @param baseOpens   open times of the base bars, strictly increasing
     * @param base        the base timeframe
     * @param higherOpens open times of the higher candles, strictly increasing
     * @param higher      the higher timeframe, a whole multiple of {@code base} (or {@code base} itself)
     * @throws IllegalArgumentException when {@code higher} is not a whole multiple of {@code base}
     */
    public static int[] knownCandles(LongColumn baseOpens, Timeframe base, LongColumn higherOpens, Timeframe higher) {
        Objects.requireNonNull(baseOpens, "baseOpens");
        Objects.requireNonNull(higherOpens, "higherOpens");
        checkHigher(base, higher);
        long delay = higher.millis() - base.millis();
        long[] b = baseOpens.array();
        int bo = baseOpens.offset();
        long[] h = higherOpens.array();
        int ho = higherOpens.offset();
        int m = higherOpens.length();
        int[] known = new int[baseOpens.length()];
        int j = -1;
        for (int i = 0; i < known.length; i++) {
            long open = b[bo + i];
            while (j + 1 < m && h[ho + j + 1] + delay <= open) {
                j++;
            }
            known[i] = j;
        }
        return known;
    }

    /**
     * The higher timeframe's {@code values} on the base rows: {@code values[known[i]]}, or {@code NaN}
     * where {@code known[i]} is -1.
     */
    public static double[] gather(int[] known, double[] values) {
        double[] out = new double[known.length];
        gather(known, values, out);
        return out;
    }

    /** {@link #gather(int[], double[])} into {@code out}, which is {@code known.length} long. */
    public static void gather(int[] known, double[] values, double[] out) {
        if (out.length != known.length) {
            throw new IllegalArgumentException("out has " + out.length + " rows, expected " + known.length);
        }
        int i = 0;
        while (i < known.length && known[i] < 0) {
            out[i++] = Double.NaN;
        }
        for (; i < known.length; i++) {
            out[i] = values[known[i]];
        }
    }

    /** Whether {@code known} maps every row to the candle of the same index: the base timeframe itself. */
    static boolean isIdentity(int[] known) {
        for (int i = 0; i < known.length; i++) {
            if (known[i] != i) {
                return false;
            }
        }
        return true;
    }

    static void checkHigher(Timeframe base, Timeframe higher) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(higher, "higher");
        if (higher.millis() < base.millis() || !higher.isMultipleOf(base)) {
            throw new IllegalArgumentException("timeframe " + higher + " is not a whole multiple of the base timeframe "
                    + base + "; features can only come from the base timeframe or larger ones");
        }
    }
}
