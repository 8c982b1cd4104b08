package dev.candela.cpu.kernel;

import dev.candela.spi.StateReader;
import dev.candela.spi.StateWriter;

/**
 * The ring buffer under the windowed streams: the last {@code capacity} values pushed, oldest first.
 *
 * <p>The streams of this package extend it rather than hold one, so that the ring's fields live in the
 * stream's own object: a separate object costs a dependent load on every value, measurably slower for a
 * stream as light as a running SMA. {@link SlidingWindow} offers the same ring to the indicator packages.
 */
abstract class RingBuffer {
    private final double[] ring;
    private final int capacity;
    private int next;
    private long count;

    RingBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("window length " + capacity + " < 1");
        }
        this.ring = new double[capacity];
        this.capacity = capacity;
    }

    /** Adds the newest value, overwriting the oldest once the ring is full. */
    final void append(double x) {
        ring[next] = x;
        next = next + 1 == capacity ? 0 : next + 1;
        count++;
    }

    /** The oldest value held: after {@code capacity} or more values, {@code capacity - 1} before the newest. */
    final double oldestValue() {
        return ring[next];
    }

    /** The value {@code position} places after the oldest, {@code 0 <= position < capacity}. */
    final double valueFromOldest(int position) {
        int at = next + position;
        return ring[at >= capacity ? at - capacity : at];
    }

    /** Copies the ring into {@code dst[0, capacity)}, oldest first. */
    final void copyRingOldestFirst(double[] dst) {
        int tail = capacity - next;
        System.arraycopy(ring, next, dst, 0, tail);
        System.arraycopy(ring, 0, dst, tail, next);
    }

    final int ringCapacity() {
        return capacity;
    }

    /** Number of values appended. */
    final long appended() {
        return count;
    }

    /** Whether {@code capacity} values have been appended. */
    final boolean ringFull() {
        return count >= capacity;
    }

    /**
     * Writes the ring under {@code prefix.count} and {@code prefix.ring}, or under {@code count} and
     * {@code ring} when the prefix is empty. The write position is not saved: it is the count modulo the
     * capacity.
     */
    final void saveRing(StateWriter out, String prefix) {
        out.putLong(key(prefix, "count"), count);
        out.putDoubles(key(prefix, "ring"), ring.clone());
    }

    /** Reads back what {@link #saveRing} wrote for a ring of the same capacity. */
    final void restoreRing(StateReader in, String prefix) {
        long savedCount = in.getLong(key(prefix, "count"));
        double[] saved = in.getDoubles(key(prefix, "ring"));
        if (savedCount < 0 || saved.length != capacity) {
            throw new IllegalStateException("state '" + prefix + "' is not a window of " + capacity + " values: "
                    + saved.length + " values after " + savedCount + " pushes");
        }
        System.arraycopy(saved, 0, ring, 0, capacity);
        count = savedCount;
        next = (int) (savedCount % capacity);
    }

    private static String key(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }
}
