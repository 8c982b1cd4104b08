package dev.candela.cpu.kernel;

import dev.candela.spi.StateReader;
import dev.candela.spi.StateWriter;

/**
 * The streaming form of {@link RollingMoments#meanAndVariance}: the same running sums of values and
 * squares, updated in the same order, so mean and variance equal the batch values bit for bit. O(1) per
 * value with a ring buffer of the window.
 */
public final class RollingMomentsStream {
    private final int period;
    private final double[] ring;
    private int next;
    private long count;
    private double sum;
    private double sumSq;
    private double mean = Double.NaN;
    private double variance = Double.NaN;

    /** Moments over windows of {@code period >= 1} values. */
    public RollingMomentsStream(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("period " + period + " < 1");
        }
        this.period = period;
        this.ring = new double[period];
    }

    /** Adds the next value; returns the population variance, {@code NaN} for the first {@code period - 1}. */
    public double push(double x) {
        ring[next] = x;
        next = next + 1 == period ? 0 : next + 1;
        sum += x;
        sumSq += x * x;
        count++;
        if (count >= period) {
            double m1 = sum / period;
            double m2 = sumSq / period;
            // After the newest value, the ring's next slot holds the oldest value of the window.
            double old = ring[next];
            sum -= old;
            sumSq -= old * old;
            mean = m1;
            variance = m2 - m1 * m1;
        }
        return variance;
    }

    /** Whether mean and variance have values. */
    public boolean ready() {
        return count >= period;
    }

    /** The mean of the last window, {@code NaN} while warming up. */
    public double mean() {
        return mean;
    }

    /** The population variance of the last window, {@code NaN} while warming up. */
    public double variance() {
        return variance;
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
        out.putDouble(prefix + ".sumSq", sumSq);
        out.putDouble(prefix + ".mean", mean);
        out.putDouble(prefix + ".variance", variance);
        out.putDoubles(prefix + ".ring", ring.clone());
    }

    /** Reads back what {@link #save} wrote for a stream of the same period. */
    public void restore(StateReader in, String prefix) {
        long savedCount = in.getLong(prefix + ".count");
        long savedNext = in.getLong(prefix + ".next");
        double[] saved = in.getDoubles(prefix + ".ring");
        if (saved.length != period || savedCount < 0 || savedNext < 0 || savedNext >= period) {
            throw new IllegalStateException("state '" + prefix + "' is not a window of " + period + " values");
        }
        System.arraycopy(saved, 0, ring, 0, period);
        count = savedCount;
        next = (int) savedNext;
        sum = in.getDouble(prefix + ".sum");
        sumSq = in.getDouble(prefix + ".sumSq");
        mean = in.getDouble(prefix + ".mean");
        variance = in.getDouble(prefix + ".variance");
    }
}
