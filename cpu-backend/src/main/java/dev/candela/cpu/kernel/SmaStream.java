package dev.candela.cpu.kernel;

import dev.candela.spi.StateReader;
import dev.candela.spi.StateWriter;

/**
 * The streaming form of {@link MovingAverages#sma} (and, made by {@link #byChanges}, of
 * {@link MovingAverages#smaByChanges}): the same running sum, added to and subtracted from in the same
 * order, so its values equal the batch values bit for bit. O(1) per value with a ring buffer of the window.
 */
public final class SmaStream extends RingBuffer {
    private final int period;
    private final boolean byChanges;
    private final double inverse;
    private double sum;
    private double value = Double.NaN;

    /** A stream averaging {@code period >= 1} values. */
    public SmaStream(int period) {
        this(period, false);
    }

    private SmaStream(int period, boolean byChanges) {
        super(period);
        this.period = period;
        this.byChanges = byChanges;
        this.inverse = 1.0 / period;
    }

    /**
     * The streaming form of {@link MovingAverages#smaByChanges}: the window's sum moves by
     * {@code x - (the value leaving)} and is multiplied by {@code 1 / period}, equal to that batch bit for bit.
     */
    public static SmaStream byChanges(int period) {
        return new SmaStream(period, true);
    }

    /** Adds the next value; returns the average, {@code NaN} for the first {@code period - 1} values. */
    public double push(double x) {
        if (byChanges) {
            sum += ringFull() ? x - oldestValue() : x;
            append(x);
            if (ringFull()) {
                value = sum * inverse;
            }
            return value;
        }
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

    /**
     * Writes this stream under keys starting with {@code prefix}. The sum is the whole window's
     * ({@code windowSum}) for a {@link #byChanges} stream, and that of the window less its oldest value
     * ({@code sum}) otherwise, so neither can be restored as the other.
     */
    public void save(StateWriter out, String prefix) {
        saveRing(out, prefix);
        out.putDouble(sumKey(prefix), sum);
        out.putDouble(prefix + ".value", value);
    }

    /** Reads back what {@link #save} wrote for a stream of the same period and form. */
    public void restore(StateReader in, String prefix) {
        restoreRing(in, prefix);
        sum = in.getDouble(sumKey(prefix));
        value = in.getDouble(prefix + ".value");
    }

    private String sumKey(String prefix) {
        return prefix + (byChanges ? ".windowSum" : ".sum");
    }
}
