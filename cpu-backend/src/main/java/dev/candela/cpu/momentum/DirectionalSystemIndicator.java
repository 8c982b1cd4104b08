package dev.candela.cpu.momentum;

import dev.candela.cpu.CpuIndicator;
import dev.candela.cpu.kernel.DirectionalMovement;
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
import java.util.Objects;

/**
 * What the indicators of Wilder's directional movement system share: one {@code period} parameter, the
 * high, low and close as inputs, a batch that first computes +DI and -DI with
 * {@link DirectionalMovement#indicators} into per-batch scratch arrays, and a streaming state around a
 * {@link DirectionalMovementTracker}.
 */
abstract class DirectionalSystemIndicator extends CpuIndicator {

    DirectionalSystemIndicator(String id, String description, int minPeriod) {
        super(id, Category.MOMENTUM, description, EnumSet.of(PriceField.HIGH, PriceField.LOW, PriceField.CLOSE),
                List.of("value"),
                ParameterSpec.ofInt("period", 14, minPeriod, MomentumIndicators.MAX_PERIOD, "smoothing period in bars"));
    }

    /** Scratch arrays reused across the symbols of one batch. */
    static final class Scratch {
        final double[] plusDi;
        final double[] minusDi;
        final double[] extra;

        Scratch(int len, boolean needsExtra) {
            plusDi = new double[len];
            minusDi = new double[len];
            extra = needsExtra ? new double[len] : null;
        }
    }

    /** Whether {@link #finish} uses {@link Scratch#extra}. */
    boolean needsExtraScratch() {
        return false;
    }

    @Override
    public final void compute(Parameters p, BarBatch bars, IndicatorOutput out) {
        Scratch scratch = new Scratch(bars.barCount(), needsExtraScratch());
        for (int s = 0; s < bars.symbolCount(); s++) {
            run(p.getInt(0), bars, s, out.array(0, s), scratch);
        }
    }

    @Override
    protected final void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        run(p.getInt(0), bars, symbol, out.array(0, symbol), new Scratch(bars.barCount(), needsExtraScratch()));
    }

    private void run(int period, BarBatch bars, int symbol, double[] out, Scratch scratch) {
        Column h = bars.column(PriceField.HIGH, symbol);
        Column l = bars.column(PriceField.LOW, symbol);
        Column c = bars.column(PriceField.CLOSE, symbol);
        int len = bars.barCount();
        DirectionalMovement.indicators(h.array(), h.offset(), l.array(), l.offset(), c.array(), c.offset(), len, period,
                scratch.plusDi, 0, scratch.minusDi, 0);
        finish(period, len, scratch, out);
    }

    /** Writes the indicator into {@code out} from the +DI and -DI in {@code scratch}. */
    abstract void finish(int period, int len, Scratch scratch, double[] out);

    /** A streaming state whose value is {@link #valueOf} of the tracker after each bar. */
    abstract static class TrackingState implements IndicatorState {
        final DirectionalMovementTracker tracker;

        TrackingState(int period) {
            this.tracker = new DirectionalMovementTracker(period);
        }

        abstract double valueOf(DirectionalMovementTracker t);

        @Override
        public void update(long timestamp, double open, double high, double low, double close, double volume) {
            tracker.push(high, low, close);
        }

        @Override
        public double value(int output) {
            Objects.checkIndex(output, 1);
            return valueOf(tracker);
        }

        @Override
        public long barsSeen() {
            return tracker.count();
        }

        @Override
        public void save(StateWriter out) {
            tracker.save(out, "dm");
        }

        @Override
        public void restore(StateReader in) {
            tracker.restore(in, "dm");
        }
    }
}
