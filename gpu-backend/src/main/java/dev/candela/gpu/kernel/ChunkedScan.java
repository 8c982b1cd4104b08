package dev.candela.gpu.kernel;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * First-order linear recurrences along the bar axis, {@code y[i] = a * y[i-1] + u[i]} with {@code y[-1] = 0},
 * for every row at once, in a number of device operations that does not grow with the number of bars.
 *
 * <p>The bars are cut into chunks of {@code C}. Inside a chunk, with a zero carry, the recurrence is a
 * product with the {@code C x C} lower-triangular matrix {@code L[j][m] = a^(j-m)}: one matrix product for
 * all chunks of all rows. The value at the end of each chunk then has to be passed on: chunk ends obey the
 * same recurrence with {@code a^C} in place of {@code a}, over {@code bars / C} elements, so they are solved
 * by the same method, recursively, and added back as {@code a^(j+1) * carry}. Each level costs a few
 * operations; a series of {@code n} bars needs {@code log_C(n)} levels. Every EMA, Wilder average and
 * Wilder sum of the device kernels runs through here.
 *
 * <p>Numerically each output is a dot product of at most {@code C} terms with weights in {@code [0, 1]}, so
 * the error stays at a few units in the last place of the result, whatever the length of the series.
 *
 * <p>{@link #gated} handles the one recurrence whose coefficient changes from bar to bar: ADX, which skips
 * the bars where DX is undefined.
 */
final class ChunkedScan {
    /** Chunk length: large enough for few levels, small enough that the triangular product stays cheap. */
    static final int CHUNK = 64;
    /**
     * The gated scan scales values by {@code a^-C} inside a chunk; {@code C * |ln a|} must stay well inside
     * the exponent range of the data type (about 700 for doubles, 88 for floats).
     */
    private static final double DOUBLE_EXPONENT_BUDGET = 600;
    private static final double FLOAT_EXPONENT_BUDGET = 60;

    private ChunkedScan() {
    }

    /** {@code y[:, i] = a * y[:, i-1] + u[:, i]} with {@link #CHUNK}-bar chunks. */
    static INDArray linear(INDArray u, double a) {
        return linear(u, a, CHUNK);
    }

    /** As {@link #linear(INDArray, double)} with chunks of {@code chunk} bars (tests vary it). */
    static INDArray linear(INDArray u, double a, int chunk) {
        if (chunk < 2) {
            // A chunk of one bar would leave as many chunk ends as bars: the recursion would never shrink.
            throw new IllegalArgumentException("chunk must be >= 2, was " + chunk);
        }
        long rows = BarAxis.rows(u);
        long n = BarAxis.length(u);
        if (n == 0 || rows == 0) {
            return u.dup();
        }
        int c = (int) Math.min(chunk, n);
        long chunks = (n + c - 1) / c;
        long paddedLength = chunks * c;
        DataType type = u.dataType();
        INDArray blocks = BarAxis.padded(u, paddedLength).reshape('c', rows * chunks, c);
        INDArray local = blocks.mmul(transfer(a, c, type));
        if (chunks > 1) {
            // local's last column is each chunk's end value as if nothing came before it.
            INDArray ends = local.get(NDArrayIndex.all(), NDArrayIndex.interval(c - 1, c)).dup('c')
                    .reshape('c', rows, chunks);
            INDArray carried = linear(ends, Math.pow(a, c), chunk);
            INDArray carryIn = BarAxis.lag(carried, 1, 0.0).reshape('c', rows * chunks, 1);
            // local += carryIn (x) [a^1 .. a^C], in one accumulating product.
            Nd4j.gemm(carryIn, powers(a, c, 1, type), local, false, false, 1.0, 1.0);
        }
        return trimmed(local.reshape('c', rows, paddedLength), n);
    }

    /**
     * {@code y[:, i] = a^e[:, i] * y[:, i-1] + u[:, i]} for a 0/1 matrix {@code e}: where {@code e} is 0 the
     * value carries over unscaled. Inside a chunk the factor from bar {@code m} to bar {@code j} is
     * {@code a^(j-m)} divided by {@code a^(skipped bars in (m, j])}, so the chunk is the same triangular
     * product on {@code u * a^skipped}, rescaled by {@code a^-skipped}; chunk sizes are bounded so that these
     * powers stay finite. The chunk ends are then chained one chunk at a time (their factors differ per row
     * and chunk), a few operations per {@code C} bars.
     */
    static INDArray gated(INDArray u, INDArray e, double a) {
        if (!(a > 0 && a <= 1)) {
            throw new IllegalArgumentException("gated scans need 0 < a <= 1, was " + a);
        }
        DataType type = u.dataType();
        double budget = type == DataType.DOUBLE ? DOUBLE_EXPONENT_BUDGET : FLOAT_EXPONENT_BUDGET;
        double logA = Math.log(a);
        int limit = logA == 0 ? Integer.MAX_VALUE : (int) Math.max(1, Math.floor(budget / -logA));
        return gated(u, e, a, Math.min(2 * CHUNK, limit));
    }

    /** As {@link #gated(INDArray, INDArray, double)} with chunks of {@code chunk} bars. */
    static INDArray gated(INDArray u, INDArray e, double a, int chunk) {
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be >= 1, was " + chunk);
        }
        long rows = BarAxis.rows(u);
        long n = BarAxis.length(u);
        if (n == 0 || rows == 0) {
            return u.dup();
        }
        int c = (int) Math.min(chunk, n);
        long chunks = (n + c - 1) / c;
        long paddedLength = chunks * c;
        DataType type = u.dataType();
        double logA = Math.log(a);
        // Skipped bars counted from the start of each chunk, inclusive; padding counts as taken (e = 1).
        INDArray skip = BarAxis.padded(e.rsub(1.0), paddedLength).reshape('c', rows * chunks, c).cumsum(1);
        INDArray blocks = BarAxis.padded(u, paddedLength).reshape('c', rows * chunks, c);
        INDArray local = blocks.mul(Transforms.exp(skip.mul(logA), false)).mmul(transfer(a, c, type));
        local.muli(Transforms.exp(skip.mul(-logA), false));
        // a^(taken bars so far in the chunk), taken = (j + 1) - skipped: what a carry is multiplied by.
        INDArray taken = skip.rsub(1.0).addiRowVector(BarAxis.barIndex(c, type));
        INDArray carryScale = Transforms.exp(taken.muli(logA), false);
        if (chunks > 1) {
            INDArray ends = local.get(NDArrayIndex.all(), NDArrayIndex.interval(c - 1, c)).dup('c')
                    .reshape('c', rows, chunks);
            INDArray endScale = carryScale.get(NDArrayIndex.all(), NDArrayIndex.interval(c - 1, c)).dup('c')
                    .reshape('c', rows, chunks);
            INDArray carryIn = Nd4j.create(type, rows, chunks);
            INDArray previous = BarAxis.bar(ends, 0);
            for (long k = 1; k < chunks; k++) {
                BarAxis.bar(carryIn, k).assign(previous);
                previous = BarAxis.bar(ends, k).add(BarAxis.bar(endScale, k).mul(previous));
            }
            local.addi(carryScale.muliColumnVector(carryIn.reshape('c', rows * chunks, 1)));
        }
        return trimmed(local.reshape('c', rows, paddedLength), n);
    }

    /** {@code T[m][j] = a^(j-m)} for {@code j >= m}, else 0: right-multiplying a chunk row applies L. */
    static INDArray transfer(double a, int c, DataType type) {
        double[] t = new double[c * c];
        double[] power = new double[c];
        for (int k = 0; k < c; k++) {
            power[k] = Math.pow(a, k);
        }
        for (int m = 0; m < c; m++) {
            for (int j = m; j < c; j++) {
                t[m * c + j] = power[j - m];
            }
        }
        return BarAxis.matrix(t, c, c, type);
    }

    /** The row vector {@code a^first, a^(first+1), ..., a^(first+c-1)}. */
    private static INDArray powers(double a, int c, int first, DataType type) {
        double[] p = new double[c];
        for (int k = 0; k < c; k++) {
            p[k] = Math.pow(a, first + k);
        }
        return BarAxis.rowVector(p, type);
    }

    private static INDArray trimmed(INDArray y, long n) {
        return BarAxis.length(y) == n ? y : BarAxis.bars(y, 0, n).dup('c');
    }
}
