package dev.candela.cpu.overlap;

import dev.candela.core.data.OhlcvSeries;
import dev.candela.spi.Indicator;
import dev.candela.spi.PriceField;
import dev.candela.tck.IndicatorKit;
import dev.candela.tck.MarketDataSets;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RollingZScoreTest extends IndicatorKit {
    private static final double NAN = Double.NaN;

    @Override
    protected Indicator indicator() {
        return new RollingZScore();
    }

    @Override
    protected List<double[]> parameterSets() {
        return List.of(new double[] {20}, new double[] {2}, new double[] {200});
    }

    @Test
    void scoresTheCloseAgainstItsWindowComputedByHand() {
        // zscore(3) of 1, 2, 3, 3, 3, 3, 6.
        // {1, 2, 3}: mean 2, variance 2/3 -> 1 / sqrt(2/3). {2, 3, 3}: mean 8/3, variance 2/9 -> 1 / sqrt(2).
        // {3, 3, 3} twice: flat -> 0. {3, 3, 6}: mean 4, variance 2 -> 2 / sqrt(2).
        double[] out = OverlapFixtures.values(indicator(), indicator().bind(3), OverlapFixtures.closes(1, 2, 3, 3, 3, 3, 6));
        double[] expected = {NAN, NAN, 1 / Math.sqrt(2.0 / 3), 1 / Math.sqrt(2), 0, 0, Math.sqrt(2)};
        assertArrayEquals(expected, out, 1e-12);
    }

    @Test
    void flatWindowsReadZeroNotRoundingNoise() {
        // Three times 0.1 sums to 0.30000000000000004, so the mean is not 0.1 and the deviations are not 0.
        for (double p : new double[] {0.1, 65_432.1, 1e-7}) {
            double[] out = OverlapFixtures.values(indicator(), indicator().bind(3),
                    OverlapFixtures.closes(7 * p, p, p, p, p, p, p, p, p));
            for (int i = 4; i < out.length; i++) {
                assertEquals(0.0, out[i], "price " + p + " bar " + i);
            }
        }
    }

    @Test
    void smallSpreadsAtAHighPriceLevelKeepTheirScore() {
        // One cent of spread at 65432: {65432.00, 65432.01, 65432.02} scores the last close at sqrt(3/2).
        double[] out = OverlapFixtures.values(indicator(), indicator().bind(3),
                OverlapFixtures.closes(65_432.00, 65_432.01, 65_432.02));
        assertEquals(Math.sqrt(1.5), out[2], 1e-6);
    }

    @Test
    void agreesWithATwoPassZScoreOnRealData() {
        int period = 20;
        for (OhlcvSeries series : MarketDataSets.realOrSynthetic()) {
            double[] close = series.column(PriceField.CLOSE).toArray();
            double[] out = OverlapFixtures.values(indicator(), indicator().bind(period), series);
            for (int i = period - 1; i < close.length; i++) {
                double mean = 0;
                for (int j = i - period + 1; j <= i; j++) {
                    mean += close[j];
                }
                mean /= period;
                double squares = 0;
                for (int j = i - period + 1; j <= i; j++) {
                    squares += (close[j] - mean) * (close[j] - mean);
                }
                double sigma = Math.sqrt(squares / period);
                double expected = sigma == 0 ? 0 : (close[i] - mean) / sigma;
                assertEquals(expected, out[i], 1e-9 * Math.max(1.0, Math.abs(expected)),
                        series.symbol() + " bar " + i);
            }
        }
    }

    @Test
    void neverExceedsSamuelsonsBoundOfAPointInItsOwnWindow() {
        for (int period : new int[] {2, 5, 20}) {
            double bound = Math.sqrt(period - 1);
            for (OhlcvSeries series : MarketDataSets.realOrSynthetic()) {
                double[] out = OverlapFixtures.values(indicator(), indicator().bind(period), series);
                for (int i = period - 1; i < out.length; i++) {
                    assertTrue(Math.abs(out[i]) <= bound * (1 + 1e-8),
                            "zscore(" + period + ") = " + out[i] + " at bar " + i + " of " + series.symbol());
                }
            }
        }
    }
}
