package dev.candela.cpu.kernel;

import dev.candela.spi.StateReader;
import dev.candela.spi.StateWriter;

/**
 * The streaming high-low range of the last {@code window} bars: the highest of one series (usually the
 * high) and the lowest of another (usually the low), with the age of each, behind the stochastics,
 * Williams' %R, Aroon, the midpoint and midprice and the Donchian channel. It is two
 * {@link RollingExtremeWindow}s, so values, ages, ties and the {@code NaN} rule are those of
 * {@link RollingExtremes}, whose batch kernels give the same values.
 *
 * <p>Not thread-safe; one instance per symbol.
 */
public final class RollingRange {
    private final RollingExtremeWindow highest;
    private final RollingExtremeWindow lowest;

    /** The range of the last {@code window >= 1} bars. */
    public RollingRange(int window) {
        this.highest = RollingExtremeWindow.max(window);
        this.lowest = RollingExtremeWindow.min(window);
    }

    /** Adds the next bar's high and low (the same value twice for the range of one series). */
    public void push(double high, double low) {
        highest.push(high);
        lowest.push(low);
    }

    /** The highest high of the window; {@code NaN} before it is full. */
    public double highest() {
        return highest.extreme();
    }

    /** The lowest low of the window; {@code NaN} before it is full. */
    public double lowest() {
        return lowest.extreme();
    }

    /** {@link RollingExtremes#midpoint(double, double)} of the window; {@code NaN} before it is full. */
    public double midpoint() {
        return RollingExtremes.midpoint(highest.extreme(), lowest.extreme());
    }

    /** Bars since the most recent highest high, in {@code [0, window - 1]}; {@code NaN} before the window is full. */
    public double barsSinceHighest() {
        return highest.barsSinceExtreme();
    }

    /** Bars since the most recent lowest low, in {@code [0, window - 1]}; {@code NaN} before the window is full. */
    public double barsSinceLowest() {
        return lowest.barsSinceExtreme();
    }

    /** Whether the window has seen {@code window} bars. */
    public boolean isFull() {
        return highest.isFull();
    }

    /** Number of bars pushed. */
    public long count() {
        return highest.count();
    }

    /** Writes the two sides under the given key prefixes (conventionally {@code highest} and {@code lowest}). */
    public void save(StateWriter out, String highestPrefix, String lowestPrefix) {
        highest.save(out, highestPrefix);
        lowest.save(out, lowestPrefix);
    }

    /** Reads back what {@link #save} wrote under the same prefixes for a window of the same length. */
    public void restore(StateReader in, String highestPrefix, String lowestPrefix) {
        highest.restore(in, highestPrefix);
        lowest.restore(in, lowestPrefix);
    }
}
