package dev.candela.cpu.kernel;

import dev.candela.spi.StateReader;
import dev.candela.spi.StateWriter;

/**
 * The streaming form of {@link RollingExtremes}: the maximum (or minimum) of the last {@code window}
 * values pushed, and its age, in amortised O(1) per value with a monotonic deque. Values, ages, the
 * most-recent-occurrence tie rule and the {@code NaN} rule equal the batch kernels' exactly.
 *
 * <p>Not thread-safe; one instance per symbol. Part of an indicator state: {@link #save} and
 * {@link #restore} write and read it under a key prefix so that several windows share one state.
 */
public final class RollingExtremeWindow {
    private final int window;
    private final double sign;
    /** Ring buffers holding the deque: values (after the sign) and the sequence number of each. */
    private final double[] keys;
    private final long[] sequence;
    private int head;
    private int size;
    private long count;
    private long lastNaN = Long.MIN_VALUE;

    private RollingExtremeWindow(int window, double sign) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be >= 1, was " + window);
        }
        this.window = window;
        this.sign = sign;
        this.keys = new double[window];
        this.sequence = new long[window];
    }

    /** A window tracking the maximum of the last {@code window} values. */
    public static RollingExtremeWindow max(int window) {
        return new RollingExtremeWindow(window, 1.0);
    }

    /** A window tracking the minimum of the last {@code window} values. */
    public static RollingExtremeWindow min(int window) {
        return new RollingExtremeWindow(window, -1.0);
    }

    /** The number of values the window spans. */
    public int window() {
        return window;
    }

    /** Number of values pushed so far. */
    public long count() {
        return count;
    }

    /** Whether the window has seen at least {@code window} values. */
    public boolean isFull() {
        return count >= window;
    }

    /** Adds the next value; a {@code NaN} makes {@link #extreme()} {@code NaN} until it leaves the window. */
    public void push(double x) {
        long now = count;
        if (size > 0 && sequence[head] <= now - window) {
            head = head + 1 == window ? 0 : head + 1;
            size--;
        }
        if (x != x) {
            lastNaN = now;
        } else {
            double key = sign * x;
            while (size > 0) {
                int tail = head + size - 1;
                if (tail >= window) {
                    tail -= window;
                }
                if (keys[tail] > key) {
                    break;
                }
                size--;
            }
            int slot = head + size;
            if (slot >= window) {
                slot -= window;
            }
            keys[slot] = key;
            sequence[slot] = now;
            size++;
        }
        count = now + 1;
    }

    private boolean hasValue() {
        return count >= window && lastNaN <= count - 1 - window;
    }

    /** The maximum (or minimum) of the last {@code window} values; {@code NaN} before the window is full. */
    public double extreme() {
        return hasValue() ? sign * keys[head] : Double.NaN;
    }

    /** Bars since the most recent occurrence of the extreme, in {@code [0, window - 1]}; {@code NaN} as above. */
    public double barsSinceExtreme() {
        return hasValue() ? (double) (count - 1 - sequence[head]) : Double.NaN;
    }

    /** Writes this window under keys starting with {@code prefix}. */
    public void save(StateWriter out, String prefix) {
        out.putLong(prefix + ".count", count);
        out.putLong(prefix + ".lastNaN", lastNaN);
        double[] values = new double[size];
        double[] ages = new double[size];
        for (int k = 0; k < size; k++) {
            int slot = head + k;
            if (slot >= window) {
                slot -= window;
            }
            values[k] = sign * keys[slot];
            ages[k] = count - 1 - sequence[slot];
        }
        out.putDoubles(prefix + ".values", values);
        out.putDoubles(prefix + ".ages", ages);
    }

    /**
     * Replaces this window's contents with those saved by {@link #save} under {@code prefix}.
     *
     * @throws IllegalStateException when the saved window does not fit this one
     */
    public void restore(StateReader in, String prefix) {
        long restoredCount = in.getLong(prefix + ".count");
        long restoredLastNaN = in.getLong(prefix + ".lastNaN");
        double[] values = in.getDoubles(prefix + ".values");
        double[] ages = in.getDoubles(prefix + ".ages");
        if (restoredCount < 0 || values.length != ages.length || values.length > window
                || values.length > restoredCount) {
            throw new IllegalStateException("state '" + prefix + "' does not fit a window of " + window + ": "
                    + values.length + " entries after " + restoredCount + " values");
        }
        for (int k = 0; k < values.length; k++) {
            double age = ages[k];
            if (!(age >= 0 && age < window && age == Math.rint(age)) || (k > 0 && !(age < ages[k - 1]))) {
                throw new IllegalStateException("state '" + prefix + "': invalid age " + age + " at " + k);
            }
            keys[k] = sign * values[k];
            sequence[k] = restoredCount - 1 - (long) age;
        }
        head = 0;
        size = values.length;
        count = restoredCount;
        lastNaN = restoredLastNaN;
    }
}
