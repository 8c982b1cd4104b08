package dev.candela.core.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * A read-only window onto a {@code long[]}, the time counterpart of {@link dev.candela.spi.Column}:
 * a cheap view that never copies.
 *
 * <p>{@link #array()} exposes the backing array so that hot loops can run over it directly; by contract
 * nobody writes through it.
 */
public final class LongColumn {
    private final long[] array;
    private final int offset;
    private final int length;

    private LongColumn(long[] array, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, array.length);
        this.array = array;
        this.offset = offset;
        this.length = length;
    }

    /** A view of the whole array; the array is shared, not copied. */
    public static LongColumn of(long[] values) {
        return new LongColumn(values, 0, values.length);
    }

    /** A view of {@code length} values starting at {@code offset}; the array is shared, not copied. */
    public static LongColumn of(long[] values, int offset, int length) {
        return new LongColumn(values, offset, length);
    }

    public int length() {
        return length;
    }

    public boolean isEmpty() {
        return length == 0;
    }

    public long get(int index) {
        Objects.checkIndex(index, length);
        return array[offset + index];
    }

    /** The first value; fails on an empty column. */
    public long first() {
        return get(0);
    }

    /** The last value; fails on an empty column. */
    public long last() {
        return get(length - 1);
    }

    /** The values {@code [from, to)} as another view of the same array. */
    public LongColumn slice(int from, int to) {
        Objects.checkFromToIndex(from, to, length);
        return new LongColumn(array, offset + from, to - from);
    }

    /**
     * Binary search in a column sorted ascending, with {@link Arrays#binarySearch(long[], long)}'s contract
     * relative to this view: the index of {@code key}, or {@code -(insertionPoint) - 1}.
     */
    public int binarySearch(long key) {
        int found = Arrays.binarySearch(array, offset, offset + length, key);
        return found >= 0 ? found - offset : found + offset;
    }

    /** The backing array, shared and not to be written; values live at {@code [offset, offset + length)}. */
    public long[] array() {
        return array;
    }

    public int offset() {
        return offset;
    }

    /** A fresh copy of the viewed values. */
    public long[] toArray() {
        return Arrays.copyOfRange(array, offset, offset + length);
    }

    /** Copies {@code count} values starting at view index {@code from} into {@code dst} at {@code dstPos}. */
    public void copyTo(int from, long[] dst, int dstPos, int count) {
        Objects.checkFromIndexSize(from, count, length);
        System.arraycopy(array, offset + from, dst, dstPos, count);
    }

    @Override
    public String toString() {
        return "LongColumn[length=" + length + "]";
    }
}
