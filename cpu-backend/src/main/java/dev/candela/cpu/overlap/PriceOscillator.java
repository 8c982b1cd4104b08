package dev.candela.cpu.overlap;

import dev.candela.cpu.CpuIndicator;
import dev.candela.cpu.kernel.MovingAverages;
import dev.candela.cpu.kernel.SmaStream;
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
 * The price oscillators {@code apo} and {@code ppo}: a fast and a slow SMA of the close (TA-Lib's default
 * moving-average type for both), compared as a difference or as a percentage of the slow one. As in
 * TA-Lib a slow period shorter than the fast one is swapped with it; lookback
 * {@code max(fast, slow) - 1}.
 */
abstract sealed class PriceOscillator extends CpuIndicator permits AbsolutePriceOscillator, PercentagePriceOscillator {

    PriceOscillator(String id, String description) {
        super(id, Category.MOMENTUM, description, EnumSet.of(PriceField.CLOSE), List.of("value"),
                OverlapIndicators.period("fast", 12, 2, "period of the fast SMA"),
                OverlapIndicators.period("slow", 26, 2, "period of the slow SMA"));
    }

    /** The oscillator of a fast and a slow average. */
    abstract double combine(double fast, double slow);

    @Override
    public final int lookback(Parameters p) {
        return Math.max(p.getInt(0), p.getInt(1)) - 1;
    }

    @Override
    public final void compute(Parameters p, BarBatch bars, IndicatorOutput out) {
        double[] slowSma = new double[bars.barCount()];
        for (int s = 0; s < bars.symbolCount(); s++) {
            computeSymbol(p, bars, s, out, slowSma);
        }
    }

    @Override
    protected final void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        computeSymbol(p, bars, symbol, out, new double[bars.barCount()]);
    }

    private void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out, double[] slowSma) {
        Column close = bars.column(PriceField.CLOSE, symbol);
        double[] in = close.array();
        int inOff = close.offset();
        double[] o = out.array(0, symbol);
        int len = bars.barCount();
        int fast = Math.min(p.getInt(0), p.getInt(1));
        int slow = Math.max(p.getInt(0), p.getInt(1));
        int lookback = slow - 1;
        if (len <= lookback) {
            MovingAverages.nan(o, 0, len);
            return;
        }
        MovingAverages.sma(in, inOff, o, 0, len, fast);
        MovingAverages.sma(in, inOff, slowSma, 0, len, slow);
        MovingAverages.nan(o, 0, lookback);
        for (int i = lookback; i < len; i++) {
            o[i] = combine(o[i], slowSma[i]);
        }
    }

    @Override
    public final IndicatorState newState(Parameters p) {
        return new State(this, Math.min(p.getInt(0), p.getInt(1)), Math.max(p.getInt(0), p.getInt(1)));
    }

    /** Streaming oscillator: two {@link SmaStream}s. */
    static final class State extends CloseDrivenState {
        private final PriceOscillator oscillator;
        private final SmaStream fast;
        private final SmaStream slow;
        private double value = Double.NaN;

        State(PriceOscillator oscillator, int fastPeriod, int slowPeriod) {
            super(1);
            this.oscillator = oscillator;
            this.fast = new SmaStream(fastPeriod);
            this.slow = new SmaStream(slowPeriod);
        }

        @Override
        void push(double close) {
            double f = fast.push(close);
            double s = slow.push(close);
            if (slow.ready()) {
                value = oscillator.combine(f, s);
            }
        }

        @Override
        double output(int output) {
            return value;
        }

        @Override
        void saveValues(StateWriter out) {
            fast.save(out, "fast");
            slow.save(out, "slow");
            out.putDouble("value", value);
        }

        @Override
        void restoreValues(StateReader in) {
            fast.restore(in, "fast");
            slow.restore(in, "slow");
            value = in.getDouble("value");
        }
    }
}
