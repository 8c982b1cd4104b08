package dev.candela.gpu.kernel;

import dev.candela.spi.PriceField;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.List;

/**
 * Indicators of where prices stand in their recent range: {@code willr}, {@code stoch}, {@code aroon} and
 * {@code cci}, with TA-Lib's formulas and exact zero tests. Extremes and their ages are exact, so
 * {@code willr}, {@code aroon} and {@code cci} agree with TA-Lib bit for bit.
 */
final class RangeKernels {
    private RangeKernels() {
    }

    static List<DeviceKernel> all() {
        return List.of(willr(), stoch(), aroon(), cci());
    }

    /** {@code (HH - close) / ((HH - LL) / -100)}, 0 when the range is empty. */
    static DeviceKernel willr() {
        return KernelDefinition.builder("willr").parameters("period")
                .inputs(PriceField.HIGH, PriceField.LOW, PriceField.CLOSE)
                .lookback(p -> p.getInt(0) - 1)
                .workingArrays(p -> 6 + 2 * KernelDefinition.doublings(p.getInt(0)))
                .compute((p, in) -> {
                    int period = p.getInt(0);
                    INDArray highest = RollingWindows.max(in.field(PriceField.HIGH), period);
                    INDArray lowest = RollingWindows.min(in.field(PriceField.LOW), period);
                    INDArray diff = highest.sub(lowest).divi(-100.0);
                    INDArray distance = highest.subi(in.field(PriceField.CLOSE));
                    return List.of(BarAxis.divideOrZero(distance, diff, BarAxis.exactZero(diff)));
                })
                .build();
    }

    /**
     * Fast %K {@code (close - LL) / ((HH - LL) / 100)} (0 for an empty range), %K its SMA over
     * {@code slowk_period}, %D the SMA of %K over {@code slowd_period}; both from the full lookback.
     */
    static DeviceKernel stoch() {
        return KernelDefinition.builder("stoch").parameters("fastk_period", "slowk_period", "slowd_period")
                .outputs("k", "d")
                .inputs(PriceField.HIGH, PriceField.LOW, PriceField.CLOSE)
                .lookback(p -> p.getInt(0) - 1 + p.getInt(1) - 1 + p.getInt(2) - 1)
                .workingArrays(p -> 7 + 2 * KernelDefinition.doublings(p.getInt(0))
                        + KernelDefinition.doublings(p.getInt(1)) + KernelDefinition.doublings(p.getInt(2)))
                .compute((p, in) -> {
                    int fastk = p.getInt(0);
                    int slowk = p.getInt(1);
                    int slowd = p.getInt(2);
                    INDArray highest = RollingWindows.max(in.field(PriceField.HIGH), fastk);
                    INDArray lowest = RollingWindows.min(in.field(PriceField.LOW), fastk);
                    INDArray diff = highest.subi(lowest).divi(100.0);
                    INDArray fastK = BarAxis.divideOrZero(in.field(PriceField.CLOSE).sub(lowest), diff,
                            BarAxis.exactZero(diff));
                    INDArray k = RollingWindows.sum(fastK, slowk).divi(slowk);
                    INDArray d = RollingWindows.sum(k, slowd).divi(slowd);
                    return List.of(k, d);
                })
                .build();
    }

    /**
     * Over the {@code period + 1} bars ending at each bar: {@code 100 / period * (period - age)} of the
     * lowest low (down) and the highest high (up), the most recent occurrence counting on ties.
     */
    static DeviceKernel aroon() {
        return KernelDefinition.builder("aroon").parameters("period").outputs("down", "up")
                .inputs(PriceField.HIGH, PriceField.LOW)
                .lookback(p -> p.getInt(0))
                .workingArrays(p -> 8 + 11 * KernelDefinition.doublings(p.getInt(0) + 1))
                .compute((p, in) -> {
                    int period = p.getInt(0);
                    double scale = 100.0 / period;
                    INDArray down = RollingWindows.barsSinceMin(in.field(PriceField.LOW), period + 1)
                            .rsubi(period).muli(scale);
                    INDArray up = RollingWindows.barsSinceMax(in.field(PriceField.HIGH), period + 1)
                            .rsubi(period).muli(scale);
                    return List.of(down, up);
                })
                .build();
    }

    /**
     * TA-Lib's CCI: typical price {@code (h + l + c) / 3}, its mean over the window and the mean absolute
     * deviation from that mean; {@code (tp - mean) / (0.015 * meanDeviation)}, 0 when either the distance
     * or the deviation is exactly zero.
     *
     * <p>Those exact zero tests make the result depend on the last bit of the mean, so the sums are formed
     * in TA-Lib's own order. TA-Lib keeps the window in a ring indexed by {@code bar mod period} and sums
     * it from slot 0; with the bars laid out as rows of {@code period} ({@code q * period + slot}), the
     * window ending at slot {@code r} of row {@code q} holds row {@code q} for slots up to {@code r} and row
     * {@code q - 1} after. Adding slot {@code k} to every window at once is two broadcast additions, so the
     * sums take {@code period} steps of a few operations each, in exactly TA-Lib's order.
     */
    static DeviceKernel cci() {
        return KernelDefinition.builder("cci").parameters("period")
                .inputs(PriceField.HIGH, PriceField.LOW, PriceField.CLOSE)
                .lookback(p -> p.getInt(0) - 1)
                .workingArrays(12)
                .windowPadding(1)
                .compute((p, in) -> List.of(commodityChannelIndex(in, p.getInt(0))))
                .build();
    }

    private static INDArray commodityChannelIndex(KernelInputs in, int period) {
        long rows = in.rows();
        long n = in.bars();
        INDArray typical = in.field(PriceField.HIGH).add(in.field(PriceField.LOW)).addi(in.field(PriceField.CLOSE))
                .divi(3.0);
        long slotRows = (n + period - 1) / period;
        // Row 0 of the slot layout is an empty row before bar 0, so that "row q - 1" exists for q = 0.
        INDArray padded = Nd4j.create(typical.dataType(), rows, (slotRows + 1) * period);
        BarAxis.bars(padded, period, period + n).assign(typical);
        INDArray slots = padded.reshape('c', rows, slotRows + 1, period);
        INDArray current = slots.get(NDArrayIndex.all(), NDArrayIndex.interval(1, slotRows + 1), NDArrayIndex.all());
        INDArray previous = slots.get(NDArrayIndex.all(), NDArrayIndex.interval(0, slotRows), NDArrayIndex.all());

        INDArray mean = Nd4j.create(typical.dataType(), rows, slotRows, period);
        for (int k = 0; k < period; k++) {
            slotRange(mean, k, period).addi(slot(current, k));
            if (k > 0) {
                slotRange(mean, 0, k).addi(slot(previous, k));
            }
        }
        mean.divi(period);
        INDArray deviation = Nd4j.create(typical.dataType(), rows, slotRows, period);
        // One scratch matrix for |value - mean| of every step, so the loop allocates nothing.
        INDArray scratch = Nd4j.create(typical.dataType(), rows, slotRows, period);
        for (int k = 0; k < period; k++) {
            addAbsDifference(deviation, scratch, mean, slot(current, k), k, period);
            if (k > 0) {
                addAbsDifference(deviation, scratch, mean, slot(previous, k), 0, k);
            }
        }
        INDArray distance = current.sub(mean);
        INDArray zero = BarAxis.exactZero(distance);
        Transforms.max(zero, BarAxis.exactZero(deviation), false);
        INDArray cci = BarAxis.divideOrZero(distance, deviation.divi(period).muli(0.015), zero);
        INDArray flat = cci.reshape('c', rows, slotRows * period);
        return slotRows * period == n ? flat : BarAxis.bars(flat, 0, n).dup('c');
    }

    /** Slots {@code [from, to)} of every window row. */
    private static INDArray slotRange(INDArray layout, long from, long to) {
        return layout.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(from, to));
    }

    /** Slot {@code k} of every row, shaped to broadcast over slots. */
    private static INDArray slot(INDArray layout, long k) {
        return slotRange(layout, k, k + 1);
    }

    /** {@code deviation[slots from..to] += |mean[slots from..to] - value|}, through {@code scratch}. */
    private static void addAbsDifference(INDArray deviation, INDArray scratch, INDArray mean, INDArray value,
                                         long from, long to) {
        INDArray difference = slotRange(scratch, from, to).assign(slotRange(mean, from, to)).subi(value);
        slotRange(deviation, from, to).addi(Transforms.abs(difference, false));
    }
}
