package dev.candela.spi;

/** A column of OHLCV bars that an indicator may read. */
public enum PriceField {
    OPEN, HIGH, LOW, CLOSE, VOLUME;

    /** The lower-case name used in CSV headers and configuration, e.g. {@code close}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
