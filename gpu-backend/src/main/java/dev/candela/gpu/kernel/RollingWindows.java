package dev.candela.gpu.kernel;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.CumSum;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Arrays;

/**
 * Reductions over the last {@code w} bars ending at every bar, for every row at once, by doubling: the
 * reduction over {@code 2L} bars combines the one over {@code L} bars with itself {@code L} bars earlier,
 * and a window of {@code w} bars combines the power-of-two windows of the bits of {@code w}. That is about
 * {@code 2 log2(w)} whole-matrix operations, independent of the number of bars.
 *
 * <p>Outputs at bars before {@code w - 1} cover the bars that exist and are meant to be masked by the
 * caller. Sums are pairwise sums of the window, accurate to a few units in the last place; maxima, minima
 * and their positions are exact.
 */
final class RollingWindows {
    private RollingWindows() {
    }

    /** How two reductions combine: {@code recent} is updated in place with {@code older}. */
    @FunctionalInterface
    private interface Combine {
        void into(INDArray recent, INDArray older);
    }

    private static final Combine ADD = INDArray::addi;
    private static final Combine MAX = (recent, older) -> Transforms.max(recent, older, false);
    private static final Combine MIN = (recent, older) -> Transforms.min(recent, older, false);

    /** Sum of the last {@code w} values. */
    static INDArray sum(INDArray x, int w) {
        return reduce(x, w, ADD);
    }

    /** Largest of the last {@code w} values. */
    static INDArray max(INDArray x, int w) {
        return reduce(x, w, MAX);
    }

    /** Smallest of the last {@code w} values. */
    static INDArray min(INDArray x, int w) {
        return reduce(x, w, MIN);
    }

    private static INDArray reduce(INDArray x, int w, Combine combine) {
        checkWindow(w);
        long n = BarAxis.length(x);
        INDArray result = null;
        long covered = 0;
        INDArray block = x;
        for (long size = 1; ; size *= 2) {
            if ((w & size) != 0) {
                if (result == null) {
                    result = block.dup('c');
                } else if (covered < n) {
                    // The new block lies just before the bars already covered.
                    combine.into(BarAxis.bars(result, covered, n), BarAxis.bars(block, 0, n - covered));
                }
                covered += size;
            }
            if (2 * size > w) {
                return result;
            }
            block = doubled(block, size, combine);
        }
    }

    private static INDArray doubled(INDArray block, long size, Combine combine) {
        long n = BarAxis.length(block);
        INDArray next = block.dup('c');
        if (size < n) {
            combine.into(BarAxis.bars(next, size, n), BarAxis.bars(block, 0, n - size));
        }
        return next;
    }

    /**
     * The weighted sum {@code sum_{m < w} (w - m) * x[i - m]}: newest value weight {@code w}, oldest 1.
     * Doubling carries plain and weighted sums together: over {@code 2L} bars, the newer half's weights are
     * those of an {@code L}-bar window raised by {@code L}, so {@code W2L = WL + L * SL + WL(older)}.
     */
    static INDArray weightedSum(INDArray x, int w) {
        checkWindow(w);
        long n = BarAxis.length(x);
        INDArray sum = null;
        INDArray weighted = null;
        long covered = 0;
        INDArray blockSum = x;
        INDArray blockWeighted = x;
        for (long size = 1; ; size *= 2) {
            if ((w & size) != 0) {
                if (sum == null) {
                    sum = blockSum.dup('c');
                    weighted = blockWeighted.dup('c');
                } else {
                    // The older block keeps its weights; the covered newer bars gain `size` each.
                    weighted.addi(sum.mul(size));
                    if (covered < n) {
                        BarAxis.bars(weighted, covered, n).addi(BarAxis.bars(blockWeighted, 0, n - covered));
                        BarAxis.bars(sum, covered, n).addi(BarAxis.bars(blockSum, 0, n - covered));
                    }
                }
                covered += size;
            }
            if (2 * size > w) {
                return weighted;
            }
            INDArray nextWeighted = blockWeighted.add(blockSum.mul(size));
            if (size < n) {
                BarAxis.bars(nextWeighted, size, n).addi(BarAxis.bars(blockWeighted, 0, n - size));
            }
            blockWeighted = nextWeighted;
            blockSum = doubled(blockSum, size, ADD);
        }
    }

    /**
     * Bars since the largest of the last {@code w} values ({@code 0} = this bar); the most recent occurrence
     * counts when the largest value occurs several times, as in TA-Lib's AROON.
     */
    static INDArray barsSinceMax(INDArray x, int w) {
        return barsSinceExtreme(x, w, true);
    }

    /** Bars since the smallest of the last {@code w} values, most recent on ties. */
    static INDArray barsSinceMin(INDArray x, int w) {
        return barsSinceExtreme(x, w, false);
    }

    private static INDArray barsSinceExtreme(INDArray x, int w, boolean largest) {
        checkWindow(w);
        long n = BarAxis.length(x);
        DataType type = x.dataType();
        INDArray index = BarAxis.barIndex(n, type);
        INDArray at = Nd4j.create(type, BarAxis.rows(x), n).addiRowVector(index);
        Extremes block = new Extremes(x, at);
        Extremes result = null;
        long covered = 0;
        for (long size = 1; ; size *= 2) {
            if ((w & size) != 0) {
                if (result == null) {
                    result = block.copy();
                } else if (covered < n) {
                    result.absorbOlder(block, covered, largest);
                }
                covered += size;
            }
            if (2 * size > w) {
                // Bar index minus the position of the extreme: an exact small integer.
                return result.at.rsubiRowVector(index);
            }
            Extremes next = block.copy();
            if (size < n) {
                next.absorbOlder(block, size, largest);
            }
            block = next;
        }
    }

    /** Extreme values over windows and the bar index where each occurred. */
    private static final class Extremes {
        final INDArray value;
        final INDArray at;

        Extremes(INDArray value, INDArray at) {
            this.value = value;
            this.at = at;
        }

        Extremes copy() {
            return new Extremes(value.dup('c'), at.dup('c'));
        }

        /**
         * Combines each window with the window of {@code older} ending {@code offset} bars earlier. The
         * older one wins only when strictly more extreme, so ties keep the newer position.
         */
        void absorbOlder(Extremes older, long offset, boolean largest) {
            long n = BarAxis.length(value);
            INDArray newValue = BarAxis.bars(value, offset, n);
            INDArray newAt = BarAxis.bars(at, offset, n);
            INDArray oldValue = BarAxis.bars(older.value, 0, n - offset);
            INDArray oldAt = BarAxis.bars(older.at, 0, n - offset);
            INDArray olderWins = (largest ? oldValue.gt(newValue) : oldValue.lt(newValue)).castTo(value.dataType());
            // Positions are small integers, so this select is exact.
            newAt.addi(oldAt.sub(newAt).muli(olderWins));
            if (largest) {
                Transforms.max(newValue, oldValue, false);
            } else {
                Transforms.min(newValue, oldValue, false);
            }
        }
    }

    /**
     * Whether the active ND4J backend's cumsum adds the elements of a row one after the other, first to last,
     * so that {@link #runningMoments} reproduces a sequential loop bit for bit. Probed once: {@code 2^53}
     * followed by ones, where a sequential sum rounds every {@code 2^53 + 1} back to {@code 2^53} (ties to
     * even) and ends there, while any tree adds some ones together first and ends higher.
     */
    static boolean prefixSumIsSequential() {
        return PrefixSumOrder.SEQUENTIAL;
    }

    private static final class PrefixSumOrder {
        static final boolean SEQUENTIAL = probe();

        private static boolean probe() {
            double[] x = new double[4096];
            Arrays.fill(x, 1.0);
            x[0] = 0x1p53;
            // Outside any kernel's workspace: the probe may first run inside one, and its array outlives it.
            MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces();
            try {
                INDArray row = BarAxis.rowVector(x, DataType.DOUBLE);
                Nd4j.exec(new CumSum(row, row, false, false, 1));
                return row.getDouble(0, x.length - 1) == 0x1p53;
            } finally {
                outside.close();
            }
        }
    }

    /**
     * Mean and population variance of the last {@code w} values in TA-Lib's one-pass order, bit for bit:
     * running sums of the values and of their squares, each advanced by adding the newest value and, once
     * the window is full, subtracting the oldest after the output is read; then {@code sum / w} and
     * {@code sumSq / w - mean * mean}. Those sums carry rounding from the first bar on, and the subtraction
     * magnifies it where the variance is small against the squared price, so the result differs from exact
     * arithmetic (by about 1e-13 of the squared price on minute bars). The CPU backend, which is TA-Lib-exact,
     * carries the very same rounding; replaying its order is the only way to agree with it within 1e-9.
     *
     * <p>The order is replayed with one prefix sum along the bars: each row becomes the sequence
     * {@code x[0], 0, x[1], 0, ..., x[w-1], -x[0], x[w], -x[1], ...} (adding {@code 0} and subtracting by
     * adding the negation are exact), values and squares stacked as rows of one matrix, and the sums after
     * each even step are the windows' sums. That replays TA-Lib only where the prefix sum itself adds one
     * element after the other along each row, as nd4j-native's does ({@link #prefixSumIsSequential}); libnd4j's
     * CUDA cumsum adds in a tree within blocks, and the same sums would then carry a rounding of their own.
     * About ten whole-matrix operations, independent of the number of bars and of {@code w}.
     *
     * @return {@code {mean, variance}}, each {@code rows x bars}
     */
    static INDArray[] runningMoments(INDArray x, int w) {
        checkWindow(w);
        long rows = BarAxis.rows(x);
        long n = BarAxis.length(x);
        // [rows of values; rows of squares] x bars x {add, subtract}.
        INDArray steps = Nd4j.create(x.dataType(), 2 * rows, n, 2);
        steps.get(NDArrayIndex.interval(0, rows), NDArrayIndex.all(), NDArrayIndex.point(0)).assign(x);
        steps.get(NDArrayIndex.interval(rows, 2 * rows), NDArrayIndex.all(), NDArrayIndex.point(0)).assign(x.mul(x));
        if (n >= w) {
            steps.get(NDArrayIndex.all(), NDArrayIndex.interval(w - 1, n), NDArrayIndex.point(1))
                    .assign(steps.get(NDArrayIndex.all(), NDArrayIndex.interval(0, n - w + 1), NDArrayIndex.point(0)))
                    .negi();
        }
        INDArray flat = steps.reshape('c', 2 * rows, 2 * n);
        // libnd4j's cumsum op (INDArray.cumsum runs a host loop over elements instead).
        Nd4j.exec(new CumSum(flat, flat, false, false, 1));
        // Views straight from the 3-d array: in ND4J 1.0.0-M2.1 a row interval of a view taken with a point
        // index comes out empty.
        INDArray mean = steps.get(NDArrayIndex.interval(0, rows), NDArrayIndex.all(), NDArrayIndex.point(0)).div(w);
        INDArray variance = steps.get(NDArrayIndex.interval(rows, 2 * rows), NDArrayIndex.all(), NDArrayIndex.point(0))
                .div(w).subi(mean.mul(mean));
        return new INDArray[] {mean, variance};
    }

    /**
     * Mean and population variance of the last {@code w} values, each window summed around a value of its
     * own. One-pass moments {@code E[x^2] - E[x]^2} lose digits in proportion to {@code E[x]^2 / variance}:
     * over a price series the loss would be large, and a flat window would come out slightly non-zero. So
     * the bars are cut into chunks of {@code w} outputs, each taken together with the {@code w - 1} bars
     * before it, and the chunk's first output bar's value is subtracted before the doubling sums. That bar
     * lies inside every window of its chunk, so the sums see only moves within the window: the error is of
     * the order of 1e-16 of the window's own squared range, and a flat window comes out exactly 0.
     *
     * @return {@code {mean, variance}}, each {@code rows x bars}
     */
    static INDArray[] centeredMoments(INDArray x, int w) {
        checkWindow(w);
        long rows = BarAxis.rows(x);
        long n = BarAxis.length(x);
        DataType type = x.dataType();
        long chunks = Math.max(1, (n + w - 1) / w);
        int history = w - 1;
        // One chunk of filler before the series (its first value, so that the filler stays finite and
        // close), the series, then filler up to whole chunks.
        INDArray padded = Nd4j.create(type, rows, (chunks + 1) * w);
        BarAxis.bars(padded, 0, w).addiColumnVector(BarAxis.bar(x, 0));
        BarAxis.bars(padded, w, w + n).assign(x);
        if (w + n < (chunks + 1) * w) {
            BarAxis.bars(padded, w + n, (chunks + 1) * w).addiColumnVector(BarAxis.bar(x, n - 1));
        }
        INDArray byChunk = padded.reshape('c', rows, chunks + 1, w);
        INDArray current = byChunk.get(NDArrayIndex.all(), NDArrayIndex.interval(1, chunks + 1), NDArrayIndex.all());
        INDArray windows = history == 0 ? current.dup('c') : Nd4j.concat(2,
                byChunk.get(NDArrayIndex.all(), NDArrayIndex.interval(0, chunks), NDArrayIndex.interval(1, w)),
                current);
        INDArray unfolded = windows.reshape('c', rows * chunks, w + history);
        INDArray offset = BarAxis.bar(unfolded, history).dup('c');
        INDArray deviation = unfolded.subColumnVector(offset);
        INDArray sum = BarAxis.bars(sum(deviation, w), history, history + w);
        INDArray sumOfSquares = BarAxis.bars(sum(deviation.mul(deviation), w), history, history + w);
        INDArray meanDeviation = sum.div(w);
        INDArray variance = sumOfSquares.div(w).subi(meanDeviation.mul(meanDeviation));
        INDArray mean = meanDeviation.addiColumnVector(offset);
        return new INDArray[] {trimmed(mean, rows, chunks * w, n), trimmed(variance, rows, chunks * w, n)};
    }

    private static INDArray trimmed(INDArray byChunkRows, long rows, long length, long n) {
        INDArray y = byChunkRows.dup('c').reshape('c', rows, length);
        return length == n ? y : BarAxis.bars(y, 0, n).dup('c');
    }

    private static void checkWindow(int w) {
        if (w < 1) {
            throw new IllegalArgumentException("window must be >= 1, was " + w);
        }
    }
}
