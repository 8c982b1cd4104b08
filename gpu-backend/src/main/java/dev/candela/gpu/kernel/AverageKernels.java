package dev.candela.gpu.kernel;

import dev.candela.spi.Parameters;
import dev.candela.spi.PriceField;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * Moving averages of the close: {@code sma}, {@code ema}, {@code wma}, {@code dema}, {@code tema} and
 * {@code macd}, with TA-Lib's seeds and lookbacks.
 *
 * <p>The close is first shifted by each row's first value: averages commute with that shift, and the sums
 * and products then work on the price moves instead of the price level, which keeps single-precision
 * results usable.
 */
final class AverageKernels {
    private AverageKernels() {
    }

    static List<DeviceKernel> all() {
        return List.of(sma(), ema(), wma(), dema(), tema(), macd());
    }

    private static int period(Parameters p) {
        return p.getInt(0);
    }

    /** {@code close - close[:, 0]} and the offset, to add back once averaged. */
    private record Centered(INDArray moves, INDArray offset) {
        static Centered of(KernelInputs in) {
            INDArray close = in.field(PriceField.CLOSE);
            INDArray offset = BarAxis.bar(close, 0).dup('c');
            return new Centered(close.subColumnVector(offset), offset);
        }

        INDArray restore(INDArray average) {
            return average.addiColumnVector(offset);
        }
    }

    static DeviceKernel sma() {
        return KernelDefinition.builder("sma").parameters("period")
                .lookback(p -> period(p) - 1)
                .workingArrays(p -> 3 + KernelDefinition.doublings(period(p)))
                .compute((p, in) -> {
                    Centered c = Centered.of(in);
                    return List.of(c.restore(RollingWindows.sum(c.moves(), period(p)).divi(period(p))));
                })
                .build();
    }

    static DeviceKernel ema() {
        return KernelDefinition.builder("ema").parameters("period")
                .lookback(p -> period(p) - 1)
                .workingArrays(9)
                .windowPadding(ChunkedScan.CHUNK)
                .compute((p, in) -> {
                    Centered c = Centered.of(in);
                    return List.of(c.restore(Smoothing.ema(c.moves(), 0, period(p))));
                })
                .build();
    }

    /** Weights {@code 1..period}, newest heaviest, over {@code period * (period + 1) / 2}. */
    static DeviceKernel wma() {
        return KernelDefinition.builder("wma").parameters("period")
                .lookback(p -> period(p) - 1)
                .workingArrays(p -> 6 + 3 * KernelDefinition.doublings(period(p)))
                .compute((p, in) -> {
                    int period = period(p);
                    Centered c = Centered.of(in);
                    double divider = (double) ((long) period * (period + 1) / 2);
                    return List.of(c.restore(RollingWindows.weightedSum(c.moves(), period).divi(divider)));
                })
                .build();
    }

    /** {@code 2 * EMA - EMA(EMA)}, the inner EMA seeded on the outer one's first {@code period} values. */
    static DeviceKernel dema() {
        return KernelDefinition.builder("dema").parameters("period")
                .lookback(p -> 2 * (period(p) - 1))
                .workingArrays(18)
                .windowPadding(ChunkedScan.CHUNK)
                .compute((p, in) -> {
                    int period = period(p);
                    Centered c = Centered.of(in);
                    INDArray first = Smoothing.ema(c.moves(), 0, period);
                    INDArray second = Smoothing.ema(first, period - 1, period);
                    return List.of(c.restore(first.muli(2.0).subi(second)));
                })
                .build();
    }

    /** {@code EMA3 + (3 * EMA1 - 3 * EMA2)}, TA-Lib's order of the terms. */
    static DeviceKernel tema() {
        return KernelDefinition.builder("tema").parameters("period")
                .lookback(p -> 3 * (period(p) - 1))
                .workingArrays(26)
                .windowPadding(ChunkedScan.CHUNK)
                .compute((p, in) -> {
                    int period = period(p);
                    Centered c = Centered.of(in);
                    INDArray first = Smoothing.ema(c.moves(), 0, period);
                    INDArray second = Smoothing.ema(first, period - 1, period);
                    INDArray third = Smoothing.ema(second, 2L * (period - 1), period);
                    INDArray inner = first.muli(3.0).subi(second.muli(3.0));
                    return List.of(c.restore(third.addi(inner)));
                })
                .build();
    }

    /**
     * TA-Lib's MACD: fast and slow swapped when given the other way round; the slow EMA seeded with the mean
     * of bars {@code 0..slow-1}, the fast one with the mean of the {@code fast} bars ending on the same bar;
     * the signal EMA seeded with the mean of the first {@code signal} values of the line.
     */
    static DeviceKernel macd() {
        return KernelDefinition.builder("macd").parameters("fast", "slow", "signal").outputs("macd", "signal", "hist")
                .lookback(p -> Math.max(p.getInt(0), p.getInt(1)) - 1 + p.getInt(2) - 1)
                .workingArrays(28)
                .windowPadding(ChunkedScan.CHUNK)
                .compute((p, in) -> {
                    int fast = Math.min(p.getInt(0), p.getInt(1));
                    int slow = Math.max(p.getInt(0), p.getInt(1));
                    int signalPeriod = p.getInt(2);
                    // The offset cancels in the difference of the two averages.
                    INDArray moves = Centered.of(in).moves();
                    INDArray slowEma = Smoothing.ema(moves, 0, slow);
                    INDArray line = Smoothing.ema(moves, slow - fast, slow - 1, Smoothing.emaFactor(fast)).subi(slowEma);
                    INDArray signal = Smoothing.ema(line, slow - 1, signalPeriod);
                    INDArray hist = line.sub(signal);
                    return List.of(line, signal, hist);
                })
                .build();
    }
}
