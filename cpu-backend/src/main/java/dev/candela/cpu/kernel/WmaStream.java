package dev.candela.cpu.kernel;

import dev.candela.spi.StateReader;
import dev.candela.spi.StateWriter;

/**
 * The streaming form of {@link MovingAverages#wma}: the same running plain and weighted sums updated in
 * the same order, so its values equal the batch values bit for bit. O(1) per value with a ring buffer of
 * the window; period 1 passes values through, as the batch kernel does.
 */
public final class WmaStream {
    private final int period;
    private final double divider;
    private final double[] ring;
    private int next;
    private long count;
    private double periodSum;
    private double periodSub;
    private double trailing;
    private double value = Double.NaN;

    /** A stream weighting {@code period >= 1} values {@code 1..period}, newest heaviest. */
    public WmaStream(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("period " + period + " < 1");
        }
        this.period = period;
        this.divider = MovingAverages.wmaDivider(period);
        this.ring = new double[period];
    }

    /** Adds the next value; returns the average, {@code NaN} for the first {@code period - 1} values. */
    public double push(double x) {
        count++;
        if (period == 1) {
            value = x;
            return value;
        }
        ring[next] = x;
        next = next + 1 == period ? 0 : next + 1;
        if (count < period) {
            periodSub += x;
            periodSum += x * (int) count;
            return value;
        }
        periodSub += x;
        periodSub -= trailing;
        periodSum += x * period;
        // The ring's next slot holds the oldest value of the window, which leaves it at the next value.
        trailing = ring[next];
        value = periodSum / divider;
        periodSum -= periodSub;
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
        out.putDouble(prefix + ".sum", periodSum);
        out.putDouble(prefix + ".sub", periodSub);
        out.putDouble(prefix + ".trailing", trailing);
        out.putDouble(prefix + ".value", value);
        out.putDoubles(prefix + ".ring", ring.clone());
    }

    /** Reads back what {@link #save} wrote for a stream of the same period. */
    public void restore(StateReader in, String prefix) {
        long savedCount = in.getLong(prefix + ".count");
        long savedNext = in.getLong(prefix + ".next");
        double[] saved = in.getDoubles(prefix + ".ring");
        if (saved.length != period || savedCount < 0 || savedNext < 0 || savedNext >= period) {
            throw new IllegalStateException("state '" + prefix + "' is not a WMA of period " + period);
        }
        System.arraycopy(saved, 0, ring, 0, period);
        count = savedCount;
        next = (int) savedNext;
        periodSum = in.getDouble(prefix + ".sum");
        periodSub = in.getDouble(prefix + ".sub");
        trailing = in.getDouble(prefix + ".trailing");
        value = in.getDouble(prefix + ".value");
    }
}
