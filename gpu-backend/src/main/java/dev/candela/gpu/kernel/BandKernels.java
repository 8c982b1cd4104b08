package dev.candela.gpu.kernel;

import dev.candela.spi.Parameters;
import dev.candela.spi.PriceField;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.List;

/**
 * Rolling moments of the close: {@code stddev} and {@code bbands}, TA-Lib's population deviation with its
 * zero for variances below 1e-8.
 *
 * <p>TA-Lib (and the CPU backend with it) keeps running sums of the values and their squares over the
 * whole series and takes {@code sumSq / n - mean^2}; the rounding of those sums accumulates, so on minute
 * bars its variance is off by up to about 1e-13 of the squared price (a deviation of 0.009 where the exact
 * one is 0, on BTC minute bars). To equal the CPU backend within 1e-9, these kernels replay that order bit
 * for bit in double precision ({@link RollingWindows#runningMoments}), wherever the backend's prefix sum is
 * sequential (nd4j-native). In single precision, whose running sums of squared prices would lose every
 * digit, and on a backend whose prefix sum adds in a tree (CUDA), they sum each window afresh around a local
 * offset instead ({@link RollingWindows#centeredMoments}): exact to about 1e-16 of the window's own squared
 * range, and so off from TA-Lib by TA-Lib's own drift.
 */
final class BandKernels {
    private BandKernels() {
    }

    static List<DeviceKernel> all() {
        return List.of(stddev(), bbands());
    }

    /** Whether the moments of {@code type} replay TA-Lib's running sums bit for bit (see the class comment). */
    static boolean replaysTaLib(DataType type) {
        return type == DataType.DOUBLE && RollingWindows.prefixSumIsSequential();
    }

    private static INDArray[] moments(INDArray close, int period) {
        return replaysTaLib(close.dataType()) ? RollingWindows.runningMoments(close, period)
                : RollingWindows.centeredMoments(close, period);
    }

    /** TA-Lib's deviation from a variance: 0 below 1e-8 (negative rounding included), else the square root. */
    static INDArray deviation(INDArray variance) {
        INDArray notFlat = variance.lt(BarAxis.NEAR_ZERO).castTo(variance.dataType()).rsubi(1.0);
        return Transforms.sqrt(Transforms.max(variance, 0.0, true), false).muli(notFlat);
    }

    static DeviceKernel stddev() {
        return KernelDefinition.builder("stddev").parameters("period", "nbdev")
                .lookback(p -> p.getInt(0) - 1)
                .workingArrays(p -> 8 + 6 * KernelDefinition.doublings(p.getInt(0)))
                .windowPadding(1)
                .deviation("value", p -> p.get(1))
                .compute((p, in) -> {
                    INDArray[] moments = moments(in.field(PriceField.CLOSE), p.getInt(0));
                    return List.of(deviation(moments[1]).muli(p.get(1)));
                })
                .build();
    }

    /** Middle: the mean; upper and lower: middle plus and minus {@code k} deviations. */
    static DeviceKernel bbands() {
        return KernelDefinition.builder("bbands").parameters("period", "k").outputs("upper", "middle", "lower")
                .lookback(p -> p.getInt(0) - 1)
                .workingArrays(p -> 10 + 6 * KernelDefinition.doublings(p.getInt(0)))
                .windowPadding(1)
                .deviation("upper", p -> p.get(1))
                .deviation("lower", p -> p.get(1))
                .compute((p, in) -> bands(in, p))
                .build();
    }

    private static List<INDArray> bands(KernelInputs in, Parameters p) {
        INDArray[] moments = moments(in.field(PriceField.CLOSE), p.getInt(0));
        INDArray middle = moments[0];
        INDArray width = deviation(moments[1]).muli(p.get(1));
        return List.of(middle.add(width), middle, middle.sub(width));
    }
}
