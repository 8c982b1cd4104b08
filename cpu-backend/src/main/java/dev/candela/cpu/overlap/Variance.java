package dev.candela.cpu.overlap;

import dev.candela.cpu.CpuIndicator;
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
 * {@code var(period, nbdev)}: the rolling population variance of the close, TA-Lib-exact (the one-pass
 * {@code mean(x^2) - mean(x)^2} of {@link RollingMoments}, which can dip slightly below 0 on flat windows,
 * as TA-Lib's does). Lookback {@code period - 1}.
 *
 * <p>{@code nbdev} is part of TA-Lib's VAR signature, and TA-Lib does not apply it to the result; neither
 * does Candela, so that {@code var} agrees with TA-Lib for every argument list. Scale the result yourself
 * (by {@code nbdev^2} for a variance of {@code nbdev} standard deviations) if you need to.
 */
final class Variance extends CpuIndicator {

    Variance() {
        super("var", Category.STATISTIC, "Variance", EnumSet.of(PriceField.CLOSE), List.of("value"),
                OverlapIndicators.period("period", 5, 1, "bars of the window"),
                ParameterSpec.ofDouble("nbdev", 1.0, 0.0, 100.0, "kept for TA-Lib's signature; not applied, as in TA-Lib"));
    }

    @Override
    public int lookback(Parameters p) {
        return p.getInt(0) - 1;
    }

    @Override
    public void compute(Parameters p, BarBatch bars, IndicatorOutput out) {
        double[] mean = new double[bars.barCount()];
        for (int s = 0; s < bars.symbolCount(); s++) {
            computeSymbol(p, bars, s, out, mean);
        }
    }

    @Override
    protected void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        computeSymbol(p, bars, symbol, out, new double[bars.barCount()]);
    }

    private static void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out, double[] mean) {
        Column close = bars.column(PriceField.CLOSE, symbol);
        RollingMoments.meanAndVariance(close.array(), close.offset(), mean, out.array(0, symbol), 0, bars.barCount(),
                p.getInt(0));
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new State(p.getInt(0));
    }

    /** Streaming variance: {@link RollingMomentsStream}. */
    static final class State extends CloseDrivenState {
        private final RollingMomentsStream moments;

        State(int period) {
            super(1);
            this.moments = new RollingMomentsStream(period);
        }

        @Override
        void push(double close) {
            moments.push(close);
        }

        @Override
        double output(int output) {
            return moments.variance();
        }

        @Override
        void saveValues(StateWriter out) {
            moments.save(out, "moments");
        }

        @Override
        void restoreValues(StateReader in) {
            moments.restore(in, "moments");
        }
    }
}
