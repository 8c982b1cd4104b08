package dev.candela.spi;

/**
 * The streaming form of an indicator for one symbol: fed one bar at a time, O(1) per bar where the
 * maths allows, its outputs equal the batch outputs at the same bar.
 *
 * <p>The state can be saved and restored, so a live strategy can restart without replaying history.
 * Not thread-safe: one state per symbol and thread.
 */
public interface IndicatorState {

    /** Feeds the next bar. */
    void update(long timestamp, double open, double high, double low, double close, double volume);

    /** Output {@code output} after the last bar; {@code NaN} while warming up. */
    double value(int output);

    /** The first output after the last bar. */
    default double value() {
        return value(0);
    }

    /** Number of bars fed so far. */
    long barsSeen();

    /** Writes everything needed to continue exactly where this state stands. */
    void save(StateWriter out);

    /** Replaces this state with one written by {@link #save} of a state with the same parameters. */
    void restore(StateReader in);
}
