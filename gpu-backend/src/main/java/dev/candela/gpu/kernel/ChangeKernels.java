package dev.candela.gpu.kernel;

import dev.candela.spi.PriceField;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/** Bar-to-bar and n-bar changes: {@code mom}, {@code roc} and {@code obv}, as TA-Lib computes them. */
final class ChangeKernels {
    private ChangeKernels() {
    }

    static List<DeviceKernel> all() {
        return List.of(mom(), roc(), obv());
    }

    /** {@code close - close[i - period]}. */
    static DeviceKernel mom() {
        return KernelDefinition.builder("mom").parameters("period")
                .lookback(p -> p.getInt(0))
                .workingArrays(3)
                .compute((p, in) -> {
                    INDArray close = in.field(PriceField.CLOSE);
                    return List.of(close.sub(BarAxis.lag(close, p.getInt(0), 0.0)));
                })
                .build();
    }

    /** {@code ((close / close[i - period]) - 1) * 100}, 0 where the earlier close is 0. */
    static DeviceKernel roc() {
        return KernelDefinition.builder("roc").parameters("period")
                .lookback(p -> p.getInt(0))
                .workingArrays(5)
                .compute((p, in) -> {
                    INDArray close = in.field(PriceField.CLOSE);
                    INDArray earlier = BarAxis.lag(close, p.getInt(0), 0.0);
                    INDArray zero = BarAxis.exactZero(earlier);
                    INDArray ratio = close.div(earlier.addi(zero));
                    return List.of(ratio.subi(1.0).muli(100.0).muli(zero.rsubi(1.0)));
                })
                .build();
    }

    /**
     * Starts at bar 0's volume, then adds the volume on a rising close and subtracts it on a falling one:
     * a cumulative sum of signed volumes. The sum runs in double precision in every mode, because its error
     * grows with the length of the series.
     */
    static DeviceKernel obv() {
        return KernelDefinition.builder("obv")
                .inputs(PriceField.CLOSE, PriceField.VOLUME)
                .lookback(p -> 0)
                .workingArrays(12)
                .compute((p, in) -> {
                    INDArray close = in.field(PriceField.CLOSE);
                    INDArray volume = in.field(PriceField.VOLUME);
                    long n = in.bars();
                    INDArray signed = BarAxis.zeros(close, in.rows(), n).castTo(DataType.DOUBLE);
                    BarAxis.bar(signed, 0).assign(BarAxis.bar(volume, 0));
                    if (n > 1) {
                        INDArray now = BarAxis.bars(close, 1, n);
                        INDArray before = BarAxis.bars(close, 0, n - 1);
                        INDArray direction = now.gt(before).castTo(DataType.DOUBLE)
                                .subi(now.lt(before).castTo(DataType.DOUBLE));
                        BarAxis.bars(signed, 1, n).assign(direction.muli(BarAxis.bars(volume, 1, n)
                                .castTo(DataType.DOUBLE)));
                    }
                    return List.of(signed.cumsum(1));
                })
                .build();
    }
}
