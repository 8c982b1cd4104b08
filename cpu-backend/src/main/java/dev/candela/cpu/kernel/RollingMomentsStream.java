package dev.candela.cpu.kernel;

import dev.candela.spi.StateReader;
import dev.candela.spi.StateWriter;

/**
 * The streaming form of {@link RollingMoments#meanAndVariance}: the same running sums of values and
 * squares, updated in the same order, so mean and variance equal the batch values bit for bit. O(1) per
 * value with a ring buffer.
 */
public final class RollingMomentsStream extends RingBuffer {
    private final int period;
    private double sum;
    private double sumSq;
    private double mean = Double.NaN;
    private double variance = Double.NaN;

    /** Moments over windows of {@code period >= 1} values. */
    public RollingMomentsStream(int period) {
        super(period);
        this.period = period;
    }

    /** Adds the next value; returns the population variance, {@code NaN} for the first {@code period - 1}. */
    public double push(double x) {
        append(x);
        sum += x;
        sumSq += x * x;
        if (ringFull()) {
            double m1 = sum / period;
            double m2 = sumSq / period;
            double old = oldestValue();
            sum -= old;
            sumSq -= old * old;
            mean = m1;
            variance = m2 - m1 * m1;
        }
        return variance;
    }

    /** Whether mean and variance have values. */
    public boolean ready() {
        return ringFull();
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
        return appended();
    }

    /** Writes this stream under keys starting with {@code prefix}. */
    public void save(StateWriter out, String prefix) {
        saveRing(out, prefix);
        out.putDouble(prefix + ".sum", sum);
        out.putDouble(prefix + ".sumSq", sumSq);
        out.putDouble(prefix + ".mean", mean);
        out.putDouble(prefix + ".variance", variance);
    }

    /** Reads back what {@link #save} wrote for a stream of the same period. */
    public void restore(StateReader in, String prefix) {
        restoreRing(in, prefix);
        sum = in.getDouble(prefix + ".sum");
        sumSq = in.getDouble(prefix + ".sumSq");
        mean = in.getDouble(prefix + ".mean");
        variance = in.getDouble(prefix + ".variance");
    }
}
