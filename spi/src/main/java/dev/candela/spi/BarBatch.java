package dev.candela.spi;

/**
 * Bars of one or more symbols aligned on one time index: the unit an indicator computes at once.
 *
 * <p>Bar {@code i} of every symbol belongs to {@link #timestamp(int) timestamp(i)}. Where a symbol has
 * no bar at that time, {@link #hasBar(int, int)} is false and its prices are {@code NaN}.
 */
public interface BarBatch {

    /** Number of symbols in the batch. */
    int symbolCount();

    /** Number of bars on the shared time index. */
    int barCount();

    /** Name of symbol {@code symbol}, e.g. {@code BTCUSDT}. */
    String symbol(int symbol);

    /** Open time of bar {@code bar} in epoch milliseconds, UTC. */
    long timestamp(int bar);

    /** One field of one symbol, {@link #barCount()} values long. */
    Column column(PriceField field, int symbol);

    /** Whether {@code symbol} has a real bar at {@code bar}; false where the batch filled a hole with NaN. */
    default boolean hasBar(int symbol, int bar) {
        return !Double.isNaN(column(PriceField.CLOSE, symbol).get(bar));
    }
}
