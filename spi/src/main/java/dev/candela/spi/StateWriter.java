package dev.candela.spi;

/** A sink for named state values; the host turns it into JSON. */
public interface StateWriter {
    void putLong(String key, long value);

    void putDouble(String key, double value);

    void putDoubles(String key, double[] values);
}
