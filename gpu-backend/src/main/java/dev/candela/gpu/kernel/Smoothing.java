package dev.candela.gpu.kernel;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The seeded exponential averages of TA-Lib on the device: each one zero before its seed bar, the seed (a
 * mean of a range of bars) at the seed bar, and the recurrence after it, all solved by one
 * {@link ChunkedScan}. The recurrences are TA-Lib's rearranged into {@code y = a * y + u}; they round
 * differently in the last bits but are the same functions.
 */
final class Smoothing {
    private Smoothing() {
    }

    /**
     * TA-Lib's EMA with factor {@code k} ({@code y = (x - y) * k + y}) seeded with the mean of
     * {@code x[seedFrom .. seedTo]} emitted at bar {@code seedTo}; zero before it.
     */
    static INDArray ema(INDArray x, long seedFrom, long seedTo, double k) {
        return seeded(x, seedFrom, seedTo, 1.0 - k, k);
    }

    /** The EMA of {@code period} bars of a series whose values start at bar {@code start}. */
    static INDArray ema(INDArray x, long start, int period) {
        return ema(x, start, start + period - 1, emaFactor(period));
    }

    static double emaFactor(int period) {
        return 2.0 / (period + 1);
    }

    /**
     * Wilder's average ({@code y = (y * (period - 1) + x) / period}) seeded with the mean of the
     * {@code period} values from bar {@code seedFrom}, emitted at the last of them.
     */
    static INDArray wilderAverage(INDArray x, long seedFrom, int period) {
        return seeded(x, seedFrom, seedFrom + period - 1, (period - 1.0) / period, 1.0 / period);
    }

    /**
     * Wilder's running sum ({@code y = y - y / period + x}) seeded with the plain sum of
     * {@code x[seedFrom .. seedTo]} emitted at {@code seedTo}.
     */
    static INDArray wilderSum(INDArray x, long seedFrom, long seedTo, int period) {
        long n = BarAxis.length(x);
        INDArray u = BarAxis.zeros(x, BarAxis.rows(x), n);
        if (seedTo >= n) {
            return u;
        }
        if (seedTo >= seedFrom) {
            BarAxis.bar(u, seedTo).assign(sumOfBars(x, seedFrom, seedTo));
        }
        if (seedTo + 1 < n) {
            BarAxis.bars(u, seedTo + 1, n).assign(BarAxis.bars(x, seedTo + 1, n));
        }
        return ChunkedScan.linear(u, 1.0 - 1.0 / period);
    }

    /** {@code y = a * y + weight * x} after the seed, the mean of {@code x[seedFrom .. seedTo]} at seedTo. */
    private static INDArray seeded(INDArray x, long seedFrom, long seedTo, double a, double weight) {
        long n = BarAxis.length(x);
        INDArray u = BarAxis.zeros(x, BarAxis.rows(x), n);
        if (seedTo >= n) {
            return u;
        }
        BarAxis.bar(u, seedTo).assign(sumOfBars(x, seedFrom, seedTo).divi(seedTo - seedFrom + 1));
        if (seedTo + 1 < n) {
            BarAxis.bars(u, seedTo + 1, n).assign(BarAxis.bars(x, seedTo + 1, n)).muli(weight);
        }
        return ChunkedScan.linear(u, a);
    }

    /** The sum of bars {@code from..to} (inclusive) of every row, as a {@code rows x 1} column. */
    static INDArray sumOfBars(INDArray x, long from, long to) {
        return BarAxis.bars(x, from, to + 1).sum(true, 1);
    }
}
