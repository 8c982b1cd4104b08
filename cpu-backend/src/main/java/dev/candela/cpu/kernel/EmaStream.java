package dev.candela.cpu.kernel;

import dev.candela.spi.StateReader;
import dev.candela.spi.StateWriter;

/**
 * The streaming form of {@link MovingAverages#ema} and {@link MovingAverages#emaSeeded} (and, made by
 * {@link #weighted}, of {@link MovingAverages#emaWeighted}): the seed is the
 * mean of {@code period} values summed in order from 0.0, then each value moves the average by
 * {@link MovingAverages#emaStep}, so its values equal the batch values bit for bit. O(1) per value and no
 * buffer: a seed window that ends on a later bar (MACD's fast EMA) is expressed by skipping the values
 * before it.
 */
public final class EmaStream {
    private final int period;
    private final long skip;
    private final double k;
    private final boolean weighted;
    private long count;
    private double sum;
    private double value = Double.NaN;

    /** A TA-Lib EMA of {@code period >= 1} seeded with the mean of the first {@code period} values. */
    public EmaStream(int period) {
        this(period, 0);
    }

    /**
     * An EMA of {@code period} whose seed is the mean of the values {@code skip .. skip + period - 1}
     * (0-based); the values before them are counted but otherwise ignored.
     */
    public EmaStream(int period, long skip) {
        this(period, skip, false);
    }

    private EmaStream(int period, long skip, boolean weighted) {
        if (period < 1 || skip < 0) {
            throw new IllegalArgumentException("period " + period + " < 1 or skip " + skip + " < 0");
        }
        this.period = period;
        this.skip = skip;
        this.k = MovingAverages.emaFactor(period);
        this.weighted = weighted;
    }

    /**
     * The streaming form of {@link MovingAverages#emaWeighted}: the same seed, then
     * {@link MovingAverages#emaStepWeighted}, equal to that batch bit for bit.
     */
    public static EmaStream weighted(int period) {
        return new EmaStream(period, 0, true);
    }

    /** Adds the next value; returns the average, {@code NaN} before the seed. */
    public double push(double x) {
        long seen = count++ - skip;
        if (seen >= period) {
            value = weighted ? MovingAverages.emaStepWeighted(value, x, k, 1.0 - k) : MovingAverages.emaStep(value, x, k);
        } else if (seen >= 0) {
            sum += x;
            if (seen == period - 1) {
                value = sum / period;
            }
        }
        return value;
    }

    /** Whether the average has a value. */
    public boolean ready() {
        return count >= skip + period;
    }

    /** The last average, {@code NaN} before the seed. */
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
        out.putDouble(prefix + ".sum", sum);
        out.putDouble(prefix + ".value", value);
    }

    /** Reads back what {@link #save} wrote for a stream of the same period and skip. */
    public void restore(StateReader in, String prefix) {
        long savedCount = in.getLong(prefix + ".count");
        if (savedCount < 0) {
            throw new IllegalStateException("state '" + prefix + "': negative count " + savedCount);
        }
        count = savedCount;
        sum = in.getDouble(prefix + ".sum");
        value = in.getDouble(prefix + ".value");
    }
}
