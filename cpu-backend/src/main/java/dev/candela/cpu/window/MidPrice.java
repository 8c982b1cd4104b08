package dev.candela.cpu.window;

import dev.candela.spi.PriceField;

/**
 * Midpoint of the price range over a window ({@code midprice(14)}), TA-Lib's MIDPRICE:
 * {@code (highest high + lowest low) / 2} over {@code period} bars. Lookback {@code period - 1}.
 */
final class MidPrice extends RangeMidpoint {

    MidPrice() {
        super("midprice", "Midpoint of the highest high and lowest low over n bars", PriceField.HIGH, PriceField.LOW);
    }
}
