package dev.candela.cpu.momentum;

import dev.candela.spi.StateReader;
import dev.candela.spi.StateWriter;

/** The last {@code lag + 1} values of a stream, so that the value {@code lag} bars back is at hand. */
final class LagWindow {
    private final int lag;
    private final double[] ring;
    private long count;
    private int slot;

    LagWindow(int lag) {
        this.lag = lag;
        this.ring = new double[lag + 1];
    }

    void push(double x) {
        ring[slot] = x;
        slot = slot == lag ? 0 : slot + 1;
        count++;
    }

    /** Whether a value {@code lag} bars before the newest exists. */
    boolean ready() {
        return count > lag;
    }

    /** The value {@code lag} bars before the newest: the slot the next value will overwrite. */
    double lagged() {
        return ring[slot];
    }

    long count() {
        return count;
    }

    void save(StateWriter out, String prefix) {
        out.putLong(prefix + ".count", count);
        out.putDoubles(prefix + ".ring", ring.clone());
    }

    void restore(StateReader in, String prefix) {
        long savedCount = in.getLong(prefix + ".count");
        double[] saved = in.getDoubles(prefix + ".ring");
        if (savedCount < 0 || saved.length != ring.length) {
            throw new IllegalStateException("state '" + prefix + "' does not hold " + ring.length + " values");
        }
        System.arraycopy(saved, 0, ring, 0, ring.length);
        count = savedCount;
        slot = (int) (savedCount % ring.length);
    }
}
