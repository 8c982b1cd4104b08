package dev.candela.cpu.kernel;

import dev.candela.spi.StateReader;
import dev.candela.spi.StateWriter;

/**
 * The last {@code capacity} values of a stream in a ring buffer, for streaming states that keep a window of
 * their own inputs. Once {@code capacity} values have been pushed, {@link #oldest()} is the value
 * {@code capacity - 1} pushes before the newest, the one that the next push overwrites; a running sum
 * subtracts it after reading its output, exactly where the batch kernels subtract their trailing value. The
 * windowed streams of this package ({@link SmaStream}, {@link WmaStream}, {@link RollingMomentsStream}) run
 * on the same ring.
 *
 * <p>Slots start at 0.0. Not thread-safe; one instance per symbol.
 */
public final class SlidingWindow extends RingBuffer {

    /** A window of the last {@code capacity >= 1} values. */
    public SlidingWindow(int capacity) {
        super(capacity);
    }

    /** Adds the newest value, overwriting the oldest once the window is full. */
    public void push(double x) {
        append(x);
    }

    /** The oldest value held: after {@code capacity} or more pushes, {@code capacity - 1} pushes before the newest. */
    public double oldest() {
        return oldestValue();
    }

    /** The value {@code position} places after the oldest, {@code 0 <= position < capacity}. */
    public double fromOldest(int position) {
        return valueFromOldest(position);
    }

    /** Copies the window into {@code dst[0, capacity)}, oldest first. */
    public void copyOldestFirst(double[] dst) {
        copyRingOldestFirst(dst);
    }

    /** The number of values the window holds when full. */
    public int capacity() {
        return ringCapacity();
    }

    /** Number of values pushed. */
    public long count() {
        return appended();
    }

    /** Whether {@code capacity} values have been pushed. */
    public boolean isFull() {
        return ringFull();
    }

    /**
     * Writes the window under {@code prefix.count} and {@code prefix.ring}, or under {@code count} and
     * {@code ring} when the prefix is empty (a state whose only window it is).
     */
    public void save(StateWriter out, String prefix) {
        saveRing(out, prefix);
    }

    /** Reads back what {@link #save} wrote for a window of the same capacity. */
    public void restore(StateReader in, String prefix) {
        restoreRing(in, prefix);
    }
}
