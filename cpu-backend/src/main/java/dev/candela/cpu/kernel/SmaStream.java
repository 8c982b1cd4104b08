package dev.candela.cpu.kernel;

import dev.candela.spi.StateReader;
import dev.candela.spi.StateWriter;

/**
 * The streaming form of {@link MovingAverages#sma}: the same running sum, added to and subtracted from in
 * the same order, so its values equal the batch values bit for bit. O(1) per value with a ring buffer of
 * the window.
 */
public final class SmaStream {
    private final int period;
    private final double[] ring;
    private int next;
    private long count;
    private double sum;
    private double value = Double.NaN;

    /** A stream averaging {@code period >= 1} values. */
    public SmaStream(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("period " + period + " < 1");
        }
        this.period = period;
        this.ring = new double[period];
    }

    /** Adds the next value; returns the average, {@code NaN} for the first {@code period - 1} values. */
    public double push(double x) {
        ring[next] = x;
        next = next + 1 == period ? 0 : next + 1;
        sum += x;
        count++;
        if (count >= period) {
            value = sum / period;
            // After the newest value, the ring's next slot holds the oldest value of the window.
            sum -= ring[next];
        }
        return value;
    }

    /** Whether the average has a value. */
    public boolean ready() {
        return count >= period;
    }

    /** The last average, {@code NaN} while warming up. */
    public double value() {
        return value;
    }

    /** Number of values pushed. */
    public long count() {
        return count;
    }

    /** Writes this stream under keys starting with {@code prefix}. */
    public void save(StateWriter out, String prefix) {
        out.putLong(prefix + ".count", count);
        out.putLong(prefix + ".next", next);
        out.putDouble(prefix + ".sum", sum);
        out.putDouble(prefix + ".value", value);
        out.putDoubles(prefix + ".ring", ring.clone());
    }

    /** Reads back what {@link #save} wrote for a stream of the same period. */
    public void restore(StateReader in, String prefix) {
        long savedCount = in.getLong(prefix + ".count");
        long savedNext = in.getLong(prefix + ".next");
        double[] saved = in.getDoubles(prefix + ".ring");
        if (saved.length != period || savedCount < 0 || savedNext < 0 || savedNext >= period) {
            throw new IllegalStateException("state '" + prefix + "' is not an SMA of period " + period);
        }
        System.arraycopy(saved, 0, ring, 0, period);
        count = savedCount;
        next = (int) savedNext;
        sum = in.getDouble(prefix + ".sum");
        value = in.getDouble(prefix + ".value");
    }
}
