package dev.candela.cpu.window;

import dev.candela.spi.PriceField;

/**
 * Midpoint of the close over a window ({@code midpoint(14)}), TA-Lib's MIDPOINT on the close:
 * {@code (highest close + lowest close) / 2} over {@code period} bars. Lookback {@code period - 1}.
 */
final class MidPoint extends RangeMidpoint {

    MidPoint() {
        super("midpoint", "Midpoint of the highest and lowest close over n bars", PriceField.CLOSE, PriceField.CLOSE);
    }
}
