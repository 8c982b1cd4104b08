package dev.candela.gpu.kernel;

import dev.candela.spi.Parameters;
import dev.candela.spi.PriceField;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.List;

/**
 * Rolling moments of the close: {@code stddev} and {@code bbands}, TA-Lib's population deviation with its
 * zero for variances below 1e-8.
 *
 * <p>TA-Lib (and the CPU backend with it) keeps running sums of the values and their squares over the
 * whole series and takes {@code sumSq / n - mean^2}; the rounding of those sums accumulates, so on minute
 * bars its variance is off by up to about 1e-13 of the squared price level (a deviation of 0.009 where the
 * true one is 0, on BTC minute bars). These kernels sum each window afresh around a local offset
 * ({@link RollingWindows#centeredMoments}): their error is of the order of 1e-16 of the window's own
 * squared range, and a flat window comes out exactly 0.
 */
final class BandKernels {
    private BandKernels() {
    }

    static List<DeviceKernel> all() {
        return List.of(stddev(), bbands());
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
                    INDArray[] moments = RollingWindows.centeredMoments(in.field(PriceField.CLOSE),
                            p.getInt(0));
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
        INDArray[] moments = RollingWindows.centeredMoments(in.field(PriceField.CLOSE), p.getInt(0));
        INDArray middle = moments[0];
        INDArray width = deviation(moments[1]).muli(p.get(1));
        return List.of(middle.add(width), middle, middle.sub(width));
    }
}
