package dev.candela.cpu.overlap;

import dev.candela.cpu.CpuIndicator;
import dev.candela.cpu.kernel.EmaStream;
import dev.candela.cpu.kernel.MovingAverages;
import dev.candela.spi.BarBatch;
import dev.candela.spi.Category;
import dev.candela.spi.Column;
import dev.candela.spi.IndicatorOutput;
import dev.candela.spi.IndicatorState;
import dev.candela.spi.Parameters;
import dev.candela.spi.PriceField;
import dev.candela.spi.StateReader;
import dev.candela.spi.StateWriter;

import java.util.EnumSet;
import java.util.List;

/**
 * Patrick Mulloy's DEMA and TEMA: a combination of the levels of a chain of {@code depth} EMAs of the close
 * ({@link MovingAverages#emaChain}), TA-Lib-exact, lookback {@code depth * (period - 1)}: DEMA
 * {@code 2 * e1 - e2} of two levels, TEMA {@code e3 + (3 * e1 - 3 * e2)} of three, in TA-Lib's operation
 * order. The batch runs the chain with the top level in the output and the lower ones in scratch arrays
 * shared by the symbols of a batch.
 */
abstract sealed class MulloyMovingAverage extends CpuIndicator
        permits DoubleExponentialMovingAverage, TripleExponentialMovingAverage {
    private final int depth;

    MulloyMovingAverage(String id, String description, int depth, String periodDescription) {
        super(id, Category.OVERLAP, description, EnumSet.of(PriceField.CLOSE), List.of("value"),
                OverlapIndicators.period("period", 30, 2, periodDescription));
        this.depth = depth;
    }

    @Override
    public final int lookback(Parameters p) {
        return depth * (p.getInt(0) - 1);
    }

    @Override
    public final void compute(Parameters p, BarBatch bars, IndicatorOutput out) {
        double[][] lower = new double[depth - 1][bars.barCount()];
        for (int s = 0; s < bars.symbolCount(); s++) {
            computeSymbol(p, bars, s, out, lower);
        }
    }

    @Override
    protected final void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        computeSymbol(p, bars, symbol, out, new double[depth - 1][bars.barCount()]);
    }

    private void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out, double[][] lower) {
        double[] o = out.array(0, symbol);
        int len = bars.barCount();
        int period = p.getInt(0);
        int lookback = lookback(p);
        if (len <= lookback) {
            MovingAverages.nan(o, 0, len);
            return;
        }
        double[][] levels = new double[depth][];
        System.arraycopy(lower, 0, levels, 0, depth - 1);
        levels[depth - 1] = o;
        Column close = bars.column(PriceField.CLOSE, symbol);
        MovingAverages.emaChain(close.array(), close.offset(), len, period, levels);
        MovingAverages.nan(o, 0, lookback);
        double[] first = lower[0];
        if (depth == 2) {
            for (int i = lookback; i < len; i++) {
                o[i] = dema(first[i], o[i]);
            }
        } else {
            double[] second = lower[1];
            for (int i = lookback; i < len; i++) {
                o[i] = tema(first[i], second[i], o[i]);
            }
        }
    }

    /** DEMA from the first two levels of the chain. */
    static double dema(double e1, double e2) {
        return 2.0 * e1 - e2;
    }

    /** TEMA from the three levels of the chain. */
    static double tema(double e1, double e2, double e3) {
        return e3 + (3.0 * e1 - 3.0 * e2);
    }

    @Override
    public final IndicatorState newState(Parameters p) {
        return new State(p.getInt(0), depth);
    }

    /**
     * Streaming DEMA or TEMA: the chain of {@link EmaStream}s, each level fed the level below from the bar
     * that one has a value. The streams are fields of the state itself: a separate chain object would cost a
     * dependent load on every bar, measurably slower for a state this light.
     */
    static final class State extends CloseDrivenState {
        private final EmaStream first;
        private final EmaStream second;
        /** The third level of TEMA; null for DEMA. */
        private final EmaStream third;
        private double value = Double.NaN;

        State(int period, int depth) {
            super(1);
            this.first = new EmaStream(period);
            this.second = new EmaStream(period);
            this.third = depth == 3 ? new EmaStream(period) : null;
        }

        @Override
        void push(double close) {
            double e1 = first.push(close);
            if (!first.ready()) {
                return;
            }
            double e2 = second.push(e1);
            if (!second.ready()) {
                return;
            }
            if (third == null) {
                value = dema(e1, e2);
                return;
            }
            double e3 = third.push(e2);
            if (third.ready()) {
                value = tema(e1, e2, e3);
            }
        }

        @Override
        double output(int output) {
            return value;
        }

        @Override
        void saveValues(StateWriter out) {
            first.save(out, "ema1");
            second.save(out, "ema2");
            if (third != null) {
                third.save(out, "ema3");
            }
            out.putDouble("value", value);
        }

        @Override
        void restoreValues(StateReader in) {
            first.restore(in, "ema1");
            second.restore(in, "ema2");
            if (third != null) {
                third.restore(in, "ema3");
            }
            value = in.getDouble("value");
        }
    }
}
