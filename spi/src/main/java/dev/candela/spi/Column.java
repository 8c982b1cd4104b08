package dev.candela.spi;

import java.util.Arrays;
import java.util.Objects;

/**
 * A read-only window onto a {@code double[]}: a cheap view that never copies.
 *
 * <p>Kernels need the raw array to run at memory speed, so {@link #array()} exposes it; by contract
 * nobody writes through it. Everything else goes through {@link #get(int)}, {@link #slice(int, int)}
 * and {@link #toArray()}.
 */
public final class Column {
    private final double[] array;
    private final int offset;
    private final int length;

    private Column(double[] array, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, array.length);
        this.array = array;
        this.offset = offset;
        this.length = length;
    }

    /** A view of the whole array; the array is shared, not copied. */
    public static Column of(double[] values) {
        return new Column(values, 0, values.length);
    }

    /** A view of {@code length} values starting at {@code offset}. */
    public static Column of(double[] values, int offset, int length) {
        return new Column(values, offset, length);
    }

    public int length() {
        return length;
    }

    public double get(int index) {
        Objects.checkIndex(index, length);
        return array[offset + index];
    }

    /** The values {@code [from, to)} as another view of the same array. */
    public Column slice(int from, int to) {
        Objects.checkFromToIndex(from, to, length);
        return new Column(array, offset + from, to - from);
    }

    /** The backing array, shared and not to be written; values live at {@code [offset, offset + length)}. */
    public double[] array() {
        return array;
    }

    public int offset() {
        return offset;
    }

    /** A fresh copy of the viewed values. */
    public double[] toArray() {
        return Arrays.copyOfRange(array, offset, offset + length);
    }

    /** Copies {@code count} values starting at view index {@code from} into {@code dst} at {@code dstPos}. */
    public void copyTo(int from, double[] dst, int dstPos, int count) {
        Objects.checkFromIndexSize(from, count, length);
        System.arraycopy(array, offset + from, dst, dstPos, count);
    }

    @Override
    public String toString() {
        return "Column[length=" + length + "]";
    }
}
