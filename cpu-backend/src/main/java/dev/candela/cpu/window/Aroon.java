package dev.candela.cpu.window;

import dev.candela.cpu.kernel.RollingExtremes;
import dev.candela.spi.Column;
import dev.candela.spi.IndicatorOutput;

import java.util.List;

/**
 * Aroon ({@code aroon(14)}), TA-Lib's AROON: over the {@code period + 1} bars ending today,
 * {@code up = 100 / period * (period - barsSinceHighestHigh)} and {@code down} likewise for the lowest
 * low. Where the extreme occurs more than once the most recent occurrence counts, as in TA-Lib.
 * Lookback {@code period}. Outputs in TA-Lib's order: {@code down}, {@code up}.
 */
final class Aroon extends AroonIndicator {

    Aroon() {
        super("aroon", "Aroon down and up: how recent the n-bar low and high are, 0 to 100", List.of("down", "up"),
                false);
    }

    @Override
    void fromAges(int period, Column high, Column low, int n, IndicatorOutput out, int symbol) {
        double[] down = out.array(0, symbol);
        double[] up = out.array(1, symbol);
        RollingExtremes.barsSinceMin(low.array(), low.offset(), down, 0, n, period + 1);
        RollingExtremes.barsSinceMax(high.array(), high.offset(), up, 0, n, period + 1);
        for (int i = period; i < n; i++) {
            down[i] = line(period, down[i]);
            up[i] = line(period, up[i]);
        }
    }
}
