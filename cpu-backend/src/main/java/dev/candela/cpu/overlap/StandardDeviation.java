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
 * {@code stddev(period, nbdev)}: {@code nbdev} times the rolling population standard deviation of the
 * close, TA-Lib-exact: the one-pass variance of {@link RollingMoments}, 0 below 1e-8. Lookback
 * {@code period - 1}.
 */
final class StandardDeviation extends CpuIndicator {

    StandardDeviation() {
        super("stddev", Category.STATISTIC, "Standard Deviation", EnumSet.of(PriceField.CLOSE), List.of("value"),
                OverlapIndicators.period("period", 5, 2, "bars of the window"),
                ParameterSpec.ofDouble("nbdev", 1.0, 0.0, 100.0, "multiplier of the standard deviation"));
    }

    @Override
    public int lookback(Parameters p) {
        return p.getInt(0) - 1;
    }

    @Override
    public void compute(Parameters p, BarBatch bars, IndicatorOutput out) {
        double[] mean = new double[bars.barCount()];
        double[] variance = new double[bars.barCount()];
        for (int s = 0; s < bars.symbolCount(); s++) {
            computeSymbol(p, bars, s, out, mean, variance);
        }
    }

    @Override
    protected void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        computeSymbol(p, bars, symbol, out, new double[bars.barCount()], new double[bars.barCount()]);
    }

    private static void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out, double[] mean,
                                      double[] variance) {
        Column close = bars.column(PriceField.CLOSE, symbol);
        double[] o = out.array(0, symbol);
        int len = bars.barCount();
        double nbdev = p.get(1);
        RollingMoments.Window window = new RollingMoments.Window(close.array(), close.offset(), len, p.getInt(0));
        MovingAverages.nan(o, 0, window.first());
        for (int from = window.first(); from < len; from += RollingMoments.BLOCK) {
            int to = Math.min(len, from + RollingMoments.BLOCK);
            window.next(mean, variance, 0, to);
            RollingMoments.standardDeviation(variance, o, from, to);
            for (int i = from; i < to; i++) {
                o[i] *= nbdev;
            }
        }
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new State(p.getInt(0), p.get(1));
    }

    /** Streaming standard deviation: {@link RollingMomentsStream}. */
    static final class State extends CloseDrivenState {
        private final RollingMomentsStream moments;
        private final double nbdev;
        private double value = Double.NaN;

        State(int period, double nbdev) {
            super(1);
            this.moments = new RollingMomentsStream(period);
            this.nbdev = nbdev;
        }

        @Override
        void push(double close) {
            double variance = moments.push(close);
            if (moments.ready()) {
                value = RollingMoments.standardDeviation(variance) * nbdev;
            }
        }

        @Override
        double output(int output) {
            return value;
        }

        @Override
        void saveValues(StateWriter out) {
            moments.save(out, "moments");
            out.putDouble("value", value);
        }

        @Override
        void restoreValues(StateReader in) {
            moments.restore(in, "moments");
            value = in.getDouble("value");
        }
    }
}
