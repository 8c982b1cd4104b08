package dev.candela.cpu.overlap;

import dev.candela.cpu.CpuIndicator;
import dev.candela.cpu.kernel.MovingAverages;
import dev.candela.cpu.kernel.WmaStream;
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
 * {@code hma(period)}: Alan Hull's moving average of the close,
 * {@code WMA(2 * WMA(close, half) - WMA(close, period), root)} with {@code half = floor(period / 2)} and
 * {@code root = floor(sqrt(period))} (the integer convention of TradingView's {@code ta.hma}); a WMA of one
 * bar is the value itself. Lookback {@code (period - 1) + (root - 1)}: the outer WMA starts where the
 * full-period WMA has its first value. Not in TA-Lib.
 *
 * <p>On a straight line the HMA has no lag wherever the three WMA lags cancel, e.g. for periods 4 and 9.
 */
final class HullMovingAverage extends CpuIndicator {

    HullMovingAverage() {
        super("hma", Category.OVERLAP, "Hull Moving Average", EnumSet.of(PriceField.CLOSE), List.of("value"),
                OverlapIndicators.period("period", 9, 2, "period of the full WMA; half and square root (floored) for the others"));
    }

    /** {@code floor(period / 2)}. */
    static int half(int period) {
        return period / 2;
    }

    /** {@code floor(sqrt(period))}, exact for every int period. */
    static int root(int period) {
        int r = (int) Math.sqrt(period);
        while ((long) r * r > period) {
            r--;
        }
        while ((long) (r + 1) * (r + 1) <= period) {
            r++;
        }
        return r;
    }

    @Override
    public int lookback(Parameters p) {
        int period = p.getInt(0);
        return period - 1 + root(period) - 1;
    }

    @Override
    public void compute(Parameters p, BarBatch bars, IndicatorOutput out) {
        double[] scratch = new double[bars.barCount()];
        for (int s = 0; s < bars.symbolCount(); s++) {
            computeSymbol(p, bars, s, out, scratch);
        }
    }

    @Override
    protected void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        computeSymbol(p, bars, symbol, out, new double[bars.barCount()]);
    }

    private static void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out, double[] blend) {
        Column close = bars.column(PriceField.CLOSE, symbol);
        hma(close.array(), close.offset(), out.array(0, symbol), bars.barCount(), p.getInt(0), blend);
    }

    /** HMA of {@code in[inOff, inOff + len)} into {@code out[0, len)}; {@code blend} is scratch of {@code len}. */
    static void hma(double[] in, int inOff, double[] out, int len, int period, double[] blend) {
        int start = period - 1;
        int root = root(period);
        if (len <= start + root - 1) {
            MovingAverages.nan(out, 0, len);
            return;
        }
        MovingAverages.wma(in, inOff, out, 0, len, period);
        MovingAverages.wma(in, inOff, blend, 0, len, half(period));
        for (int i = start; i < len; i++) {
            blend[i] = 2.0 * blend[i] - out[i];
        }
        MovingAverages.wma(blend, start, out, start, len - start, root);
        MovingAverages.nan(out, 0, start);
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new State(p.getInt(0));
    }

    /** Streaming HMA: three {@link WmaStream}s, the outer fed once the full-period one has a value. */
    static final class State extends CloseDrivenState {
        private final WmaStream halfWma;
        private final WmaStream fullWma;
        private final WmaStream outer;

        State(int period) {
            super(1);
            this.halfWma = new WmaStream(half(period));
            this.fullWma = new WmaStream(period);
            this.outer = new WmaStream(root(period));
        }

        @Override
        void push(double close) {
            double h = halfWma.push(close);
            double f = fullWma.push(close);
            if (fullWma.ready()) {
                outer.push(2.0 * h - f);
            }
        }

        @Override
        double output(int output) {
            return outer.value();
        }

        @Override
        void saveValues(StateWriter out) {
            halfWma.save(out, "half");
            fullWma.save(out, "full");
            outer.save(out, "outer");
        }

        @Override
        void restoreValues(StateReader in) {
            halfWma.restore(in, "half");
            fullWma.restore(in, "full");
            outer.restore(in, "outer");
        }
    }
}
