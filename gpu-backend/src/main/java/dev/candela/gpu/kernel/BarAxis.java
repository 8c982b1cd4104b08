package dev.candela.gpu.kernel;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Operations on matrices of rows (symbols) by bars, the layout of every device kernel: views along the bar
 * axis, lags, padding and the masks that stand in for branches. Every method is a handful of whole-matrix
 * device operations; none loops over bars.
 */
final class BarAxis {
    /** TA-Lib 0.4.0's zero: {@code |x| < 1e-8}. */
    static final double NEAR_ZERO = 1e-8;

    private BarAxis() {
    }

    /** The view of bars {@code [from, to)} of every row. */
    static INDArray bars(INDArray x, long from, long to) {
        return x.get(NDArrayIndex.all(), NDArrayIndex.interval(from, to));
    }

    /** The view of one bar of every row, as a {@code rows x 1} matrix (broadcasts along bars). */
    static INDArray bar(INDArray x, long bar) {
        return x.get(NDArrayIndex.all(), NDArrayIndex.interval(bar, bar + 1));
    }

    static long rows(INDArray x) {
        return x.size(0);
    }

    static long length(INDArray x) {
        return x.size(1);
    }

    /** A zero matrix of {@code like}'s data type. */
    static INDArray zeros(INDArray like, long rows, long bars) {
        return Nd4j.create(like.dataType(), rows, bars);
    }

    /** {@code y[:, i] = x[:, i - k]}, and {@code fill} for {@code i < k}. */
    static INDArray lag(INDArray x, long k, double fill) {
        long n = length(x);
        INDArray y = Nd4j.createUninitialized(x.dataType(), rows(x), n);
        long shift = Math.min(k, n);
        if (shift > 0) {
            bars(y, 0, shift).assign(fill);
        }
        if (shift < n) {
            bars(y, shift, n).assign(bars(x, 0, n - shift));
        }
        return y;
    }

    /** A contiguous copy of {@code x} extended to {@code length} bars with zeros. */
    static INDArray padded(INDArray x, long length) {
        INDArray y = zeros(x, rows(x), length);
        bars(y, 0, length(x)).assign(x);
        return y;
    }

    /** A {@code 1 x values.length} matrix of the given data type: a small constant sent to the device. */
    static INDArray rowVector(double[] values, DataType type) {
        return matrix(values, 1, values.length, type);
    }

    /** A {@code rows x cols} c-ordered matrix of the given data type from a row-major host array. */
    static INDArray matrix(double[] values, long rows, long cols, DataType type) {
        INDArray doubles = Nd4j.create(values, new long[] {rows, cols}, 'c');
        return type == DataType.DOUBLE ? doubles : doubles.castTo(type);
    }

    /** 1 where {@code |x| < 1e-8} (TA-Lib's zero test, false for NaN), else 0, in {@code x}'s data type. */
    static INDArray nearZero(INDArray x) {
        return Transforms.abs(x, true).lt(NEAR_ZERO).castTo(x.dataType());
    }

    /** 1 where {@code x == 0} exactly, else 0, in {@code x}'s data type. */
    static INDArray exactZero(INDArray x) {
        return x.eq(0.0).castTo(x.dataType());
    }

    /**
     * {@code numerator / denominator}, and 0 wherever {@code zero} is 1. {@code zero} must mark only
     * denominators far below 1 in magnitude (a zero test), which it lifts by one before dividing, so that no
     * infinity or NaN is formed and then cleared: unmarked quotients are exactly the plain quotient.
     */
    static INDArray divideOrZero(INDArray numerator, INDArray denominator, INDArray zero) {
        INDArray quotient = numerator.div(denominator.add(zero));
        return quotient.muli(zero.rsub(1.0));
    }

    /** 1 where {@code condition} (a boolean array) holds, else 0, in the given data type. */
    static INDArray indicator(INDArray condition, DataType type) {
        return condition.castTo(type);
    }

    /** A row vector {@code 0, 1, ..., n - 1}: the bar index, broadcast along rows. */
    static INDArray barIndex(long n, DataType type) {
        double[] index = new double[Math.toIntExact(n)];
        for (int i = 0; i < index.length; i++) {
            index[i] = i;
        }
        return rowVector(index, type);
    }
}
