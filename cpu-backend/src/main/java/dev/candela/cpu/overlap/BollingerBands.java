package dev.candela.cpu.overlap;

import dev.candela.cpu.CpuIndicator;
import dev.candela.cpu.kernel.MovingAverages;
import dev.candela.cpu.kernel.RollingMoments;
import dev.candela.cpu.kernel.RollingMomentsStream;
import dev.candela.spi.BarBatch;
import dev.candela.spi.Category;
import dev.candela.spi.Column;
import dev.candela.spi.IndicatorOutput;
import dev.candela.spi.IndicatorState;
import dev.candela.spi.ParameterSpec;
import dev.candela.spi.Parameters;
import dev.candela.spi.PriceField;
import dev.candela.spi.StateReader;
import dev.candela.spi.StateWriter;

import java.util.EnumSet;
import java.util.List;

/**
 * {@code bbands(period, k)}: Bollinger bands of the close, TA-Lib-exact with its default SMA middle band
 * and {@code nbdevup = nbdevdn = k}: {@code middle = SMA}, {@code upper/lower = middle +- k * sigma} with
 * the one-pass population standard deviation of the window, 0 where the variance is below 1e-8. Lookback
 * {@code period - 1}. Outputs {@code upper}, {@code middle}, {@code lower}.
 *
 * <p>The batch runs block by block: one pass for the running sums ({@link RollingMoments.Window}), whose
 * chain of additions sets the pace, then the divisions, square roots and bands in passes that vectorise
 * over the block while it is in cache. A batch runs the sums of four symbols in one loop
 * ({@link RollingMoments#nextFour}) so that their chains overlap; the values are the same bits.
 */
final class BollingerBands extends CpuIndicator {

    BollingerBands() {
        super("bbands", Category.OVERLAP, "Bollinger Bands", EnumSet.of(PriceField.CLOSE),
                List.of("upper", "middle", "lower"),
                OverlapIndicators.period("period", 20, 2, "bars of the moving average and deviation"),
                ParameterSpec.ofDouble("k", 2.0, 0.0, 100.0, "band width in standard deviations"));
    }

    @Override
    public int lookback(Parameters p) {
        return p.getInt(0) - 1;
    }

    /** Four symbols at a time ({@link RollingMoments#nextFour}), the rest one by one; the same bits either way. */
    @Override
    public void compute(Parameters p, BarBatch bars, IndicatorOutput out) {
        int symbols = bars.symbolCount();
        int s = 0;
        for (; s + 4 <= symbols; s += 4) {
            bandsFour(bars, s, out, p.getInt(0), p.get(1));
        }
        for (; s < symbols; s++) {
            computeSymbol(p, bars, s, out);
        }
    }

    private static void bandsFour(BarBatch bars, int symbol, IndicatorOutput out, int period, double k) {
        int len = bars.barCount();
        RollingMoments.Window[] windows = new RollingMoments.Window[4];
        double[][] upper = new double[4][];
        double[][] middle = new double[4][];
        double[][] lower = new double[4][];
        for (int j = 0; j < 4; j++) {
            Column close = bars.column(PriceField.CLOSE, symbol + j);
            windows[j] = new RollingMoments.Window(close.array(), close.offset(), len, period);
            upper[j] = out.array(0, symbol + j);
            middle[j] = out.array(1, symbol + j);
            lower[j] = out.array(2, symbol + j);
            int first = windows[j].first();
            MovingAverages.nan(upper[j], 0, first);
            MovingAverages.nan(middle[j], 0, first);
            MovingAverages.nan(lower[j], 0, first);
        }
        for (int from = windows[0].first(); from < len; from += RollingMoments.BLOCK) {
            int to = Math.min(len, from + RollingMoments.BLOCK);
            // The variance goes to `lower` and the deviation to `upper` before both become bands.
            RollingMoments.nextFour(windows, middle, lower, to);
            for (int j = 0; j < 4; j++) {
                widen(upper[j], middle[j], lower[j], from, to, k);
            }
        }
    }

    /** Deviations from the variances in {@code lower}, then the bands around {@code middle}. */
    private static void widen(double[] upper, double[] middle, double[] lower, int from, int to, double k) {
        RollingMoments.standardDeviation(lower, upper, from, to);
        for (int i = from; i < to; i++) {
            double width = upper[i] * k;
            double m = middle[i];
            upper[i] = m + width;
            lower[i] = m - width;
        }
    }

    @Override
    protected void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        Column close = bars.column(PriceField.CLOSE, symbol);
        bands(close.array(), close.offset(), out.array(0, symbol), out.array(1, symbol), out.array(2, symbol),
                bars.barCount(), p.getInt(0), p.get(1));
    }

    static void bands(double[] in, int inOff, double[] upper, double[] middle, double[] lower, int len, int period,
                      double k) {
        RollingMoments.Window window = new RollingMoments.Window(in, inOff, len, period);
        int first = window.first();
        MovingAverages.nan(upper, 0, first);
        MovingAverages.nan(middle, 0, first);
        MovingAverages.nan(lower, 0, first);
        for (int from = first; from < len; from += RollingMoments.BLOCK) {
            int to = Math.min(len, from + RollingMoments.BLOCK);
            // The variance goes to `lower` and the deviation to `upper` before both become bands.
            window.next(middle, lower, 0, to);
            widen(upper, middle, lower, from, to, k);
        }
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new State(p.getInt(0), p.get(1));
    }

    /** Streaming bands: {@link RollingMomentsStream}. */
    static final class State extends CloseDrivenState {
        private final RollingMomentsStream moments;
        private final double k;
        private double upper = Double.NaN;
        private double lower = Double.NaN;

        State(int period, double k) {
            super(3);
            this.moments = new RollingMomentsStream(period);
            this.k = k;
        }

        @Override
        void push(double close) {
            moments.push(close);
            if (moments.ready()) {
                double width = RollingMoments.standardDeviation(moments.variance()) * k;
                double m = moments.mean();
                upper = m + width;
                lower = m - width;
            }
        }

        @Override
        double output(int output) {
            return switch (output) {
                case 0 -> upper;
                case 1 -> moments.mean();
                default -> lower;
            };
        }

        @Override
        void saveValues(StateWriter out) {
            moments.save(out, "moments");
            out.putDouble("upper", upper);
            out.putDouble("lower", lower);
        }

        @Override
        void restoreValues(StateReader in) {
            moments.restore(in, "moments");
            upper = in.getDouble("upper");
            lower = in.getDouble("lower");
        }
    }
}
