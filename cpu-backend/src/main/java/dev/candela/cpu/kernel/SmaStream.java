package dev.candela.cpu.kernel;

import dev.candela.spi.StateReader;
import dev.candela.spi.StateWriter;

/**
 * The streaming form of {@link MovingAverages#sma}: the same running sum, added to and subtracted from in
 * the same order, so its values equal the batch values bit for bit. O(1) per value with a
 * ring buffer of the window.
 */
public final class SmaStream extends RingBuffer {
    private final int period;
    private double sum;
    private double value = Double.NaN;

    /** A stream averaging {@code period >= 1} values. */
    public SmaStream(int period) {
        super(period);
        this.period = period;
    }

    /** Adds the next value; returns the average, {@code NaN} for the first {@code period - 1} values. */
    public double push(double x) {
        append(x);
        sum += x;
        if (ringFull()) {
            value = sum / period;
            sum -= oldestValue();
        }
        return value;
    }

    /** Whether the average has a value. */
    public boolean ready() {
        return ringFull();
    }

    /** The last average, {@code NaN} while warming up. */
    public double value() {
        return value;
    }

    /** Number of values pushed. */
    public long count() {
        return appended();
    }

    /** Writes this stream under keys starting with {@code prefix}. */
    public void save(StateWriter out, String prefix) {
        saveRing(out, prefix);
        out.putDouble(prefix + ".sum", sum);
        out.putDouble(prefix + ".value", value);
    }

    /** Reads back what {@link #save} wrote for a stream of the same period. */
    public void restore(StateReader in, String prefix) {
        restoreRing(in, prefix);
        sum = in.getDouble(prefix + ".sum");
        value = in.getDouble(prefix + ".value");
    }
}
