package dev.candela.cpu.momentum;

import dev.candela.cpu.kernel.DirectionalMovement;
import dev.candela.cpu.kernel.MovingAverages;
import dev.candela.cpu.kernel.SlidingWindow;
import dev.candela.spi.IndicatorState;
import dev.candela.spi.Parameters;
import dev.candela.spi.StateReader;
import dev.candela.spi.StateWriter;

/**
 * {@code adxr(period)}: Average Directional Movement Index Rating, {@code (adx[i] + adx[i - (period - 1)]) / 2},
 * TA-Lib-exact; lookback {@code 3 * period - 2}.
 */
final class AverageDirectionalIndexRating extends DirectionalSystemIndicator {

    AverageDirectionalIndexRating() {
        super("adxr", "Average Directional Movement Index Rating (ADXR)", 2);
    }

    @Override
    public int lookback(Parameters p) {
        return 3 * p.getInt(0) - 2;
    }

    @Override
    boolean needsExtraScratch() {
        return true;
    }

    @Override
    void finish(int period, int len, Scratch scratch, double[] out) {
        double[] adx = scratch.extra;
        DirectionalMovement.averageIndex(scratch.plusDi, 0, scratch.minusDi, 0, adx, 0, len, period);
        int lookback = 3 * period - 2;
        int lag = period - 1;
        MovingAverages.nan(out, 0, Math.min(lookback, len));
        for (int i = lookback; i < len; i++) {
            out[i] = rating(adx[i], adx[i - lag]);
        }
    }

    /** ADXR from the ADX now and {@code period - 1} bars before. */
    static double rating(double adx, double earlierAdx) {
        return (adx + earlierAdx) / 2.0;
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new State(p.getInt(0));
    }

    /** The ADX tracker plus the last {@code period} ADX values. */
    static final class State extends TrackingState {
        private final long firstAdxCount;
        private final SlidingWindow adx;
        private double value = Double.NaN;

        State(int period) {
            super(period);
            this.firstAdxCount = 2L * period;
            this.adx = new SlidingWindow(period);
        }

        @Override
        public void update(long timestamp, double open, double high, double low, double close, double volume) {
            super.update(timestamp, open, high, low, close, volume);
            if (tracker.count() >= firstAdxCount) {
                double current = tracker.adx();
                adx.push(current);
                value = adx.isFull() ? rating(current, adx.oldest()) : Double.NaN;
            }
        }

        @Override
        double valueOf(DirectionalMovementTracker t) {
            return value;
        }

        @Override
        public void save(StateWriter out) {
            super.save(out);
            adx.save(out, "adx");
            out.putDouble("value", value);
        }

        @Override
        public void restore(StateReader in) {
            super.restore(in);
            adx.restore(in, "adx");
            value = in.getDouble("value");
        }
    }
}
