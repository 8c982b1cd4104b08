package dev.candela.cpu.momentum;

import dev.candela.core.data.OhlcvSeries;
import dev.candela.spi.Indicator;
import dev.candela.spi.IndicatorOutput;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * Where TA-Lib 0.4.0 special-cases a period of 1 inconsistently with its own formula, the indicators here
 * keep the formula; these cases are worked out by hand.
 */
class DocumentedDeviationsTest {
    // Bars (high, low, close): (10, 8, 9), (12, 9, 11), (11, 7, 8).
    // Bar 1: up move 12 - 10 = 2, down move 8 - 9 = -1 -> +DM 2, -DM 0; TR max(3, |9 - 12|, |9 - 9|) = 3.
    // Bar 2: up move 11 - 12 = -1, down move 9 - 7 = 2 -> +DM 0, -DM 2; TR max(4, |11 - 11|, |11 - 7|) = 4.
    private static final OhlcvSeries BARS = HandData.hlc(
            new double[] {10, 12, 11}, new double[] {8, 9, 7}, new double[] {9, 11, 8});

    private static double[] compute(Indicator indicator, double... arguments) {
        IndicatorOutput out = IndicatorOutput.allocate(1, 1, BARS.barCount());
        indicator.compute(indicator.bind(arguments), BARS, out);
        return out.array(0, 0);
    }

    @Test
    void plusDiOfOneBarIsInPercentLikeEveryOtherPeriod() {
        assertArrayEquals(new double[] {Double.NaN, 100.0 * 2 / 3, 0.0}, compute(new PlusDirectionalIndicator(), 1), 1e-12);
    }

    @Test
    void minusDiOfOneBarIsInPercentLikeEveryOtherPeriod() {
        assertArrayEquals(new double[] {Double.NaN, 0.0, 50.0}, compute(new MinusDirectionalIndicator(), 1), 1e-12);
    }

    @Test
    void natrOfOneBarIsTheTrueRangeInPercentOfTheClose() {
        assertArrayEquals(new double[] {Double.NaN, 3.0 / 11 * 100, 4.0 / 8 * 100},
                compute(new NormalizedAverageTrueRange(), 1), 1e-12);
    }
}
