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
 * {@code ema(period)}: the exponential moving average of the close, TA-Lib-exact: {@code k = 2 / (period + 1)},
 * seeded with the SMA of the first {@code period} closes, lookback {@code period - 1}.
 *
 * <p>An EMA is a chain of dependent steps, so one EMA at a time leaves the CPU mostly idle. Each step is
 * {@code k * x + (1 - k) * prev} ({@link MovingAverages#emaWeighted}), whose chain is a third shorter than
 * TA-Lib's {@code (x - prev) * k + prev}, within {@code (period + 1) * 3e-16} of TA-Lib's values,
 * relatively. A batch of symbols and a sweep over periods both run four EMAs per loop
 * ({@link MovingAverages#emaLanes}); each lane, and the streaming state, rounds exactly like the single EMA.
 */
final class ExponentialMovingAverage extends CpuIndicator {

    ExponentialMovingAverage() {
        super("ema", Category.OVERLAP, "Exponential Moving Average", EnumSet.of(PriceField.CLOSE), List.of("value"),
                OverlapIndicators.period("period", 30, 2, "bars of the seed average; k = 2 / (period + 1)"));
    }

    @Override
    public int lookback(Parameters p) {
        return p.getInt(0) - 1;
    }

    @Override
    public void compute(Parameters p, BarBatch bars, IndicatorOutput out) {
        KernelLanes lanes = KernelLanes.ofSymbols(bars, out, 0, p.getInt(0));
        MovingAverages.emaLanes(lanes.in(), lanes.inOff(), lanes.out(), lanes.outOff(), bars.barCount(),
                lanes.period());
    }

    @Override
    protected void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        Column close = bars.column(PriceField.CLOSE, symbol);
        MovingAverages.emaWeighted(close.array(), close.offset(), out.array(0, symbol), 0, bars.barCount(),
                p.getInt(0));
    }

    /** Runs the EMAs of all periods of the sweep side by side over each symbol's closes. */
    @Override
    public void computeSweep(List<Parameters> sweep, BarBatch bars, List<IndicatorOutput> outs) {
        if (sweep.size() != outs.size()) {
            throw new IllegalArgumentException("sweep of " + sweep.size() + " parameter sets but " + outs.size() + " outputs");
        }
        KernelLanes lanes = KernelLanes.forSweep(sweep);
        for (int s = 0; s < bars.symbolCount(); s++) {
            lanes.fillSweep(bars, s, outs);
            MovingAverages.emaLanes(lanes.in(), lanes.inOff(), lanes.out(), lanes.outOff(), bars.barCount(),
                    lanes.period());
        }
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new State(p.getInt(0));
    }

    /** Streaming EMA: {@link EmaStream}. */
    static final class State extends CloseDrivenState {
        private final EmaStream ema;

        State(int period) {
            super(1);
            this.ema = EmaStream.weighted(period);
        }

        @Override
        void push(double close) {
            ema.push(close);
        }

        @Override
        double output(int output) {
            return ema.value();
        }

        @Override
        void saveValues(StateWriter out) {
            ema.save(out, "ema");
        }

        @Override
        void restoreValues(StateReader in) {
            ema.restore(in, "ema");
        }
    }
}
