package dev.candela.core.data;

/**
 * A candle that breaks a rule of {@link BarValidator}.
 *
 * @param bar     the candle's index in what was checked (for a file reader: the data row's index)
 * @param column  the offending column: {@code timestamp} or a {@link dev.candela.spi.PriceField#key() field key}
 * @param message what is wrong, e.g. {@code 101.5 is below low 102.0}
 */
public record BarViolation(int bar, String column, String message) {
}
