package dev.candela.cpu.kernel;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

class WilderSmoothingTest {

    /**
     * The weighted form against TA-Lib's multiply, add and divide over a long series of true ranges: its
     * documented bound, {@code period * 3e-16} relative, holds at every bar, up to the largest valid period.
     */
    @ParameterizedTest(name = "period {0}")
    @ValueSource(ints = {2, 14, 100, 5_000, 100_000})
    void weightedAverageStaysWithinItsBoundOfTaLibsOrder(int period) {
        Random random = new Random(period);
        double decay = WilderSmoothing.decay(period);
        double weight = WilderSmoothing.weight(period);
        double taLib = 40.0;
        double weighted = taLib;
        double worst = 0;
        for (int i = 0; i < 1_000_000; i++) {
            // True ranges of a BTC minute series: mostly small, now and then a large bar.
            double x = random.nextInt(50) == 0 ? 400 * random.nextDouble() : 40 * random.nextDouble();
            taLib = WilderSmoothing.nextAverage(taLib, x, period - 1, period);
            weighted = WilderSmoothing.nextAverageWeighted(weighted, x, decay, weight);
            worst = Math.max(worst, Math.abs(weighted - taLib) / taLib);
        }
        assertTrue(worst <= period * 3e-16, "worst relative difference " + worst);
    }
}
