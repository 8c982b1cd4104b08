package dev.candela.cpu.window;

import dev.candela.cpu.kernel.RollingExtremes;
import dev.candela.spi.Column;
import dev.candela.spi.IndicatorOutput;

import java.util.List;

/**
 * The Aroon oscillator ({@code aroonosc(14)}), TA-Lib's AROONOSC: Aroon up minus Aroon down, computed as
 * TA-Lib does from the bar positions, {@code 100 / period * (indexOfHigh - indexOfLow)}, over the
 * {@code period + 1} bars ending today. Lookback {@code period}.
 */
final class AroonOscillator extends AroonIndicator {

    AroonOscillator() {
        super("aroonosc", "Aroon oscillator: Aroon up minus Aroon down, -100 to 100", List.of("value"), true);
    }

    @Override
    void fromAges(int period, Column high, Column low, int n, IndicatorOutput out, int symbol) {
        double[] result = out.array(0, symbol);
        double[] sinceLow = new double[n];
        RollingExtremes.barsSinceMax(high.array(), high.offset(), result, 0, n, period + 1);
        RollingExtremes.barsSinceMin(low.array(), low.offset(), sinceLow, 0, n, period + 1);
        for (int i = period; i < n; i++) {
            result[i] = oscillator(period, result[i], sinceLow[i]);
        }
    }
}
