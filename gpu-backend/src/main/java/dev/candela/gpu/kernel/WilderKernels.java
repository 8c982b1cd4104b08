package dev.candela.gpu.kernel;

import dev.candela.spi.Parameters;
import dev.candela.spi.PriceField;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.List;

/**
 * Welles Wilder's indicators: {@code rsi}, {@code atr}, {@code natr}, {@code trange} and {@code adx}, with
 * TA-Lib's seeds, zero tests (|x| < 1e-8) and lookbacks. Series that share a smoothing (gains and losses;
 * +DM, -DM and true range) are stacked into one matrix so that one scan smooths them all.
 */
final class WilderKernels {
    private WilderKernels() {
    }

    static List<DeviceKernel> all() {
        return List.of(rsi(), trange(), atr(), natr(), adx());
    }

    private static int period(Parameters p) {
        return p.getInt(0);
    }

    /** {@code x[:, i] - x[:, i-1]} from bar 1, 0 at bar 0. */
    private static INDArray change(INDArray x) {
        long n = BarAxis.length(x);
        INDArray d = BarAxis.zeros(x, BarAxis.rows(x), n);
        if (n > 1) {
            BarAxis.bars(d, 1, n).assign(BarAxis.bars(x, 1, n).sub(BarAxis.bars(x, 0, n - 1)));
        }
        return d;
    }

    /** Wilder's true range {@code max(h - l, |c[-1] - h|, |c[-1] - l|)} from bar 1, 0 at bar 0. */
    static INDArray trueRange(KernelInputs in) {
        INDArray high = in.field(PriceField.HIGH);
        INDArray low = in.field(PriceField.LOW);
        INDArray close = in.field(PriceField.CLOSE);
        long n = in.bars();
        INDArray tr = BarAxis.zeros(high, in.rows(), n);
        if (n > 1) {
            INDArray previousClose = BarAxis.bars(close, 0, n - 1);
            INDArray h = BarAxis.bars(high, 1, n);
            INDArray l = BarAxis.bars(low, 1, n);
            INDArray range = h.sub(l);
            Transforms.max(range, Transforms.abs(previousClose.sub(h), false), false);
            Transforms.max(range, Transforms.abs(previousClose.sub(l), false), false);
            BarAxis.bars(tr, 1, n).assign(range);
        }
        return tr;
    }

    /** The rows {@code [from, to)} of a stacked matrix. */
    private static INDArray rowsOf(INDArray stacked, long from, long to) {
        return stacked.get(NDArrayIndex.interval(from, to),
                NDArrayIndex.all());
    }

    /**
     * Seed: the mean gain and loss of the first {@code period} changes, at bar {@code period}; then
     * {@code avg = (avg * (period - 1) + move) / period}. RSI is {@code 100 * gain / (gain + loss)}, 0 where
     * {@code gain + loss} is zero.
     */
    static DeviceKernel rsi() {
        return KernelDefinition.builder("rsi").parameters("period")
                .lookback(WilderKernels::period)
                .workingArrays(26)
                .windowPadding(ChunkedScan.CHUNK)
                .compute((p, in) -> {
                    INDArray change = change(in.field(PriceField.CLOSE));
                    long rows = in.rows();
                    INDArray moves = Nd4j.concat(0, Transforms.max(change, 0.0, true),
                            Transforms.max(change.negi(), 0.0, false));
                    INDArray averages = Smoothing.wilderAverage(moves, 1, period(p));
                    INDArray gain = rowsOf(averages, 0, rows);
                    INDArray sum = gain.add(rowsOf(averages, rows, 2 * rows));
                    return List.of(BarAxis.divideOrZero(gain, sum, BarAxis.nearZero(sum)).muli(100.0));
                })
                .build();
    }

    static DeviceKernel trange() {
        return KernelDefinition.builder("trange")
                .inputs(PriceField.HIGH, PriceField.LOW, PriceField.CLOSE)
                .lookback(p -> 1)
                .workingArrays(5)
                .compute((p, in) -> List.of(trueRange(in)))
                .build();
    }

    /** Mean true range of bars {@code 1..period} at bar {@code period}, then Wilder's average; period 1 is TRANGE. */
    static INDArray averageTrueRange(KernelInputs in, int period) {
        INDArray tr = trueRange(in);
        return period == 1 ? tr : Smoothing.wilderAverage(tr, 1, period);
    }

    static DeviceKernel atr() {
        return KernelDefinition.builder("atr").parameters("period")
                .inputs(PriceField.HIGH, PriceField.LOW, PriceField.CLOSE)
                .lookback(WilderKernels::period)
                .workingArrays(13)
                .windowPadding(ChunkedScan.CHUNK)
                .compute((p, in) -> List.of(averageTrueRange(in, period(p))))
                .build();
    }

    /** {@code atr / close * 100}, 0 where the close is zero. */
    static DeviceKernel natr() {
        return KernelDefinition.builder("natr").parameters("period")
                .inputs(PriceField.HIGH, PriceField.LOW, PriceField.CLOSE)
                .lookback(WilderKernels::period)
                .workingArrays(19)
                .windowPadding(ChunkedScan.CHUNK)
                .compute((p, in) -> {
                    INDArray close = in.field(PriceField.CLOSE);
                    INDArray atr = averageTrueRange(in, period(p));
                    return List.of(BarAxis.divideOrZero(atr, close, BarAxis.nearZero(close)).muli(100.0));
                })
                .build();
    }

    /**
     * ADX: +DM, -DM and the true range summed over bars {@code 1..period-1}, then Wilder sums
     * ({@code s - s / period + x}); +DI and -DI are {@code 100 * dm / tr} (0 over a zero range); DX is
     * {@code 100 * |-DI - +DI| / (-DI + +DI)}, undefined where that sum is zero. ADX is seeded with the sum
     * of the defined DX of bars {@code period..2*period-1} divided by {@code period}, then averaged over the
     * defined DX only: undefined bars leave it unchanged, which is a {@link ChunkedScan#gated gated} scan
     * (a plain one when no bar is undefined).
     */
    static DeviceKernel adx() {
        return KernelDefinition.builder("adx").parameters("period")
                .inputs(PriceField.HIGH, PriceField.LOW, PriceField.CLOSE)
                .lookback(p -> 2 * period(p) - 1)
                .workingArrays(62)
                .windowPadding(ChunkedScan.CHUNK)
                .compute((p, in) -> List.of(averageDirectionalIndex(in, period(p))))
                .build();
    }

    private static INDArray averageDirectionalIndex(KernelInputs in, int period) {
        long rows = in.rows();
        long n = in.bars();
        INDArray up = change(in.field(PriceField.HIGH));
        INDArray down = change(in.field(PriceField.LOW)).negi();
        INDArray plusDm = up.mul(up.gt(0.0).castTo(up.dataType()).muli(up.gt(down).castTo(up.dataType())));
        INDArray minusDm = down.mul(down.gt(0.0).castTo(up.dataType()).muli(down.gt(up).castTo(up.dataType())));
        INDArray sums = Smoothing.wilderSum(Nd4j.concat(0, plusDm, minusDm, trueRange(in)), 1, period - 1, period);
        INDArray trueRangeSum = rowsOf(sums, 2 * rows, 3 * rows);
        INDArray flatRange = BarAxis.nearZero(trueRangeSum);
        INDArray plusDi = BarAxis.divideOrZero(rowsOf(sums, 0, rows), trueRangeSum, flatRange).muli(100.0);
        INDArray minusDi = BarAxis.divideOrZero(rowsOf(sums, rows, 2 * rows), trueRangeSum, flatRange).muli(100.0);
        INDArray diSum = minusDi.add(plusDi);
        INDArray undefined = BarAxis.nearZero(diSum);
        INDArray dx = BarAxis.divideOrZero(Transforms.abs(minusDi.subi(plusDi), false), diSum, undefined).muli(100.0);
        long seedBar = 2L * period - 1;
        INDArray u = BarAxis.zeros(dx, rows, n);
        if (seedBar >= n) {
            return u;
        }
        BarAxis.bar(u, seedBar).assign(Smoothing.sumOfBars(dx, period, seedBar).divi(period));
        double a = (period - 1.0) / period;
        if (seedBar + 1 == n) {
            return u;
        }
        BarAxis.bars(u, seedBar + 1, n).assign(BarAxis.bars(dx, seedBar + 1, n)).muli(1.0 / period);
        boolean anyUndefined = BarAxis.bars(undefined, seedBar + 1, n).maxNumber().doubleValue() > 0;
        return anyUndefined ? ChunkedScan.gated(u, undefined.rsub(1.0), a) : ChunkedScan.linear(u, a);
    }
}
