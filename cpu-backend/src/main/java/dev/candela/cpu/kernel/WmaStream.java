package dev.candela.cpu.kernel;

import dev.candela.spi.StateReader;
import dev.candela.spi.StateWriter;

/**
 * The streaming form of {@link MovingAverages#wma}: the same running plain and weighted sums updated in
 * the same order, so its values equal the batch values bit for bit. O(1) per value with a
 * ring buffer; period 1 passes values through, as the batch kernel does.
 */
public final class WmaStream extends RingBuffer {
    private final int period;
    private final double divider;
    private double periodSum;
    private double periodSub;
    private double trailing;
    private double value = Double.NaN;

    /** A stream weighting {@code period >= 1} values {@code 1..period}, newest heaviest. */
    public WmaStream(int period) {
        super(period);
        this.period = period;
        this.divider = MovingAverages.wmaDivider(period);
    }

    /** Adds the next value; returns the average, {@code NaN} for the first {@code period - 1} values. */
    public double push(double x) {
        append(x);
        if (period == 1) {
            value = x;
            return value;
        }
        if (!ringFull()) {
            periodSub += x;
            periodSum += x * (int) appended();
            return value;
        }
        periodSub += x;
        periodSub -= trailing;
        periodSum += x * period;
        // The oldest value of the window leaves it at the next value.
        trailing = oldestValue();
        value = periodSum / divider;
        periodSum -= periodSub;
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
        out.putDouble(prefix + ".sum", periodSum);
        out.putDouble(prefix + ".sub", periodSub);
        out.putDouble(prefix + ".trailing", trailing);
        out.putDouble(prefix + ".value", value);
    }

    /** Reads back what {@link #save} wrote for a stream of the same period. */
    public void restore(StateReader in, String prefix) {
        restoreRing(in, prefix);
        periodSum = in.getDouble(prefix + ".sum");
        periodSub = in.getDouble(prefix + ".sub");
        trailing = in.getDouble(prefix + ".trailing");
        value = in.getDouble(prefix + ".value");
    }
}
