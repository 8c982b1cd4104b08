package org.example.schaff;

import dev.candela.spi.StateReader;
import dev.candela.spi.StateWriter;

/**
 * The Schaff Trend Cycle recurrence for one symbol, fed one close at a time. The batch path and the
 * streaming state both run this class, so they cannot disagree.
 *
 * <p>Per bar: two EMAs of the close (TA-Lib convention: {@code k = 2 / (n + 1)}, seeded with the simple
 * mean of the first {@code n} closes), their difference (the MACD line), a stochastic of the MACD line
 * over {@code cycle} bars, smoothed by {@code factor}, then a stochastic of that smoothed line over
 * {@code cycle} bars, smoothed again: the STC, in {@code [0, 100]}. Where a stochastic's window is flat
 * (highest equals lowest) it repeats its previous value, or 50 when it has none.
 *
 * <p>O(cycle) per bar: the window extremes are rescanned from two small rings, which for the short cycles
 * STC uses (10 by default) is faster than maintaining monotonic deques. Nothing is allocated per bar.
 */
final class SchaffCycle {
    /** A stochastic's value when its first window is flat. */
    static final double FLAT_START = 50.0;

    private final int fast;
    private final int slow;
    private final int cycle;
    private final double factor;
    private final double fastK;
    private final double slowK;

    private final double[] macdRing;
    private final double[] smoothRing;
    private long bars;
    private long macdCount;
    private long smoothCount;
    private double fastSum;
    private double slowSum;
    private double fastEma;
    private double slowEma;
    private double macdK;
    private double smoothedMacdK;
    private double smoothK;
    private double stc = Double.NaN;

    SchaffCycle(int fast, int slow, int cycle, double factor) {
        this.fast = fast;
        this.slow = slow;
        this.cycle = cycle;
        this.factor = factor;
        this.fastK = 2.0 / (fast + 1);
        this.slowK = 2.0 / (slow + 1);
        this.macdRing = new double[cycle];
        this.smoothRing = new double[cycle];
    }

    /** Bars before the first value: the slow EMA's seed, then two full stochastic windows. */
    static int lookback(int slow, int cycle) {
        return slow - 1 + 2 * (cycle - 1);
    }

    /** Consumes one close; returns the STC, or {@code NaN} during the warm-up. */
    double next(double close) {
        long bar = bars++;
        if (bar < fast) {
            fastSum += close;
            fastEma = bar == fast - 1 ? fastSum / fast : Double.NaN;
        } else {
            fastEma = (close - fastEma) * fastK + fastEma;
        }
        if (bar < slow) {
            slowSum += close;
            slowEma = bar == slow - 1 ? slowSum / slow : Double.NaN;
        } else {
            slowEma = (close - slowEma) * slowK + slowEma;
        }
        if (bar < slow - 1) {
            return Double.NaN;
        }
        double macd = fastEma - slowEma;
        macdRing[(int) (macdCount++ % cycle)] = macd;
        if (macdCount < cycle) {
            return Double.NaN;
        }
        macdK = stochastic(macdRing, macd, macdCount > cycle, macdK);
        smoothedMacdK = macdCount == cycle ? macdK : smoothedMacdK + factor * (macdK - smoothedMacdK);
        smoothRing[(int) (smoothCount++ % cycle)] = smoothedMacdK;
        if (smoothCount < cycle) {
            return Double.NaN;
        }
        smoothK = stochastic(smoothRing, smoothedMacdK, smoothCount > cycle, smoothK);
        stc = smoothCount == cycle ? smoothK : stc + factor * (smoothK - stc);
        return stc;
    }

    /** The last value returned by {@link #next}, {@code NaN} during the warm-up. */
    double value() {
        return smoothCount >= cycle ? stc : Double.NaN;
    }

    long barsSeen() {
        return bars;
    }

    /** Where {@code latest} lies in the ring's range, 0..100; a flat ring repeats {@code previous}. */
    private static double stochastic(double[] ring, double latest, boolean hasPrevious, double previous) {
        double lo = ring[0];
        double hi = ring[0];
        for (int i = 1; i < ring.length; i++) {
            lo = Math.min(lo, ring[i]);
            hi = Math.max(hi, ring[i]);
        }
        if (hi > lo) {
            return 100.0 * (latest - lo) / (hi - lo);
        }
        return hasPrevious ? previous : FLAT_START;
    }

    void save(StateWriter out) {
        out.putLong("bars", bars);
        out.putLong("macdCount", macdCount);
        out.putLong("smoothCount", smoothCount);
        out.putDouble("fastSum", fastSum);
        out.putDouble("slowSum", slowSum);
        out.putDouble("fastEma", fastEma);
        out.putDouble("slowEma", slowEma);
        out.putDouble("macdK", macdK);
        out.putDouble("smoothedMacdK", smoothedMacdK);
        out.putDouble("smoothK", smoothK);
        out.putDouble("stc", stc);
        out.putDoubles("macdRing", macdRing);
        out.putDoubles("smoothRing", smoothRing);
    }

    void restore(StateReader in) {
        double[] macd = ring(in, "macdRing");
        double[] smooth = ring(in, "smoothRing");
        bars = in.getLong("bars");
        macdCount = in.getLong("macdCount");
        smoothCount = in.getLong("smoothCount");
        if (bars < 0 || macdCount < 0 || smoothCount < 0 || macdCount > bars || smoothCount > macdCount) {
            throw new IllegalArgumentException("stc state: inconsistent counts bars=" + bars + ", macdCount="
                    + macdCount + ", smoothCount=" + smoothCount);
        }
        fastSum = in.getDouble("fastSum");
        slowSum = in.getDouble("slowSum");
        fastEma = in.getDouble("fastEma");
        slowEma = in.getDouble("slowEma");
        macdK = in.getDouble("macdK");
        smoothedMacdK = in.getDouble("smoothedMacdK");
        smoothK = in.getDouble("smoothK");
        stc = in.getDouble("stc");
        System.arraycopy(macd, 0, macdRing, 0, cycle);
        System.arraycopy(smooth, 0, smoothRing, 0, cycle);
    }

    private double[] ring(StateReader in, String key) {
        double[] values = in.getDoubles(key);
        if (values.length != cycle) {
            throw new IllegalArgumentException("stc state: '" + key + "' holds " + values.length
                    + " values but the cycle is " + cycle);
        }
        return values;
    }
}
