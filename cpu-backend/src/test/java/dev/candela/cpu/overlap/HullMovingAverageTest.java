package dev.candela.cpu.overlap;

import dev.candela.spi.Indicator;
import dev.candela.tck.IndicatorKit;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class HullMovingAverageTest extends IndicatorKit {
    private static final double NAN = Double.NaN;

    @Override
    protected Indicator indicator() {
        return new HullMovingAverage();
    }

    @Override
    protected List<double[]> parameterSets() {
        return List.of(new double[] {9}, new double[] {2}, new double[] {100});
    }

    @Test
    void periodFourBlendsTwoAndFourBarWmasComputedByHand() {
        // hma(4): half 2, root 2. Closes 1, 3, 2, 5, 4, 6.
        // WMA4 at bars 3..5: 33/10, 38/10, 48/10. WMA2 at bars 3..5: 12/3, 13/3, 16/3.
        // Blend 2 * WMA2 - WMA4: 47/10, 73/15, 88/15. Outer WMA2 of the blend at bars 4 and 5:
        // (47/10 + 2 * 73/15) / 3 = 433/90 and (73/15 + 2 * 88/15) / 3 = 83/15.
        double[] out = OverlapFixtures.values(indicator(), indicator().bind(4), OverlapFixtures.closes(1, 3, 2, 5, 4, 6));
        assertArrayEquals(new double[] {NAN, NAN, NAN, NAN, 433.0 / 90, 83.0 / 15}, out, 1e-12);
    }

    @Test
    void periodTwoUsesOneBarWmasComputedByHand() {
        // hma(2): half 1 and root 1 are the values themselves, so hma = 2 x - (x[-1] + 2 x) / 3 = (4 x - x[-1]) / 3.
        double[] out = OverlapFixtures.values(indicator(), indicator().bind(2), OverlapFixtures.closes(3, 6, 9));
        assertArrayEquals(new double[] {NAN, 7.0, 10.0}, out, 1e-12);
    }

    @Test
    void halfAndRootAreFlooredAndSetTheLookback() {
        // period 16: root 4 -> 15 + 3; period 15: half 7, root 3 -> 14 + 2; period 10: root 3 -> 9 + 2.
        assertEquals(18, indicator().lookback(indicator().bind(16)));
        assertEquals(16, indicator().lookback(indicator().bind(15)));
        assertEquals(11, indicator().lookback(indicator().bind(10)));
        assertEquals(7, HullMovingAverage.half(15));
        assertEquals(316, HullMovingAverage.root(99_999));
        assertEquals(317, HullMovingAverage.root(100_489));
    }

    @Test
    void followsAStraightLineWithoutLagWhereTheWmaLagsCancel() {
        // A WMA of n bars lags a line by (n - 1) / 3 bars; for periods 4 and 9 the HMA's lags sum to zero.
        double[] line = new double[60];
        for (int i = 0; i < line.length; i++) {
            line[i] = 100.0 + 2.5 * i;
        }
        for (int period : new int[] {4, 9}) {
            double[] out = OverlapFixtures.values(indicator(), indicator().bind(period), OverlapFixtures.closes(line));
            for (int i = indicator().lookback(indicator().bind(period)); i < line.length; i++) {
                assertEquals(line[i], out[i], 1e-9, "hma(" + period + ") at bar " + i);
            }
        }
    }
}
