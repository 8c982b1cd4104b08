package dev.candela.spi;

/** Reads back named state values written through a {@link StateWriter}. */
public interface StateReader {
    /** @throws IllegalStateException naming the key when it is missing */
    long getLong(String key);

    /** @throws IllegalStateException naming the key when it is missing */
    double getDouble(String key);

    /** @throws IllegalStateException naming the key when it is missing */
    double[] getDoubles(String key);
}
