package dev.candela.cpu.window;

import dev.candela.cpu.kernel.TypicalPrice;
import dev.candela.spi.IndicatorState;
import dev.candela.spi.StateReader;
import dev.candela.spi.StateWriter;

/**
 * The running sums of a VWAP, rolling ({@link RollingVwap.Window}) or session-anchored
 * ({@link SessionVwap.Session}): one implementation for a batch loop, which calls its concrete class, and
 * for the streaming {@link State}.
 */
interface VwapAccumulator {

    /** Adds a bar opening at {@code timestamp} and returns the VWAP up to it. */
    double push(long timestamp, double typicalPrice, double volume);

    /** Number of bars pushed. */
    long count();

    void save(StateWriter out);

    void restore(StateReader in);

    /** Streaming VWAP: the accumulator fed the typical price and volume of each bar. */
    final class State implements IndicatorState {
        private final VwapAccumulator sums;
        private double value = Double.NaN;

        State(VwapAccumulator sums) {
            this.sums = sums;
        }

        @Override
        public void update(long timestamp, double open, double high, double low, double close, double volume) {
            value = sums.push(timestamp, TypicalPrice.of(high, low, close), volume);
        }

        @Override
        public double value(int output) {
            return value;
        }

        @Override
        public long barsSeen() {
            return sums.count();
        }

        @Override
        public void save(StateWriter out) {
            sums.save(out);
            out.putDouble("value", value);
        }

        @Override
        public void restore(StateReader in) {
            sums.restore(in);
            value = in.getDouble("value");
        }
    }
}
