package dev.candela.cpu.window;

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

/** The compliance kit plus hand-computed values for the rolling VWAP. */
class RollingVwapTest extends IndicatorKit {
    private static final double NaN = Double.NaN;
    private final Indicator vwap = new RollingVwap();

    @Override
    protected Indicator indicator() {
        return vwap;
    }

    @Override
    protected List<double[]> parameterSets() {
        return List.of(new double[] {20}, new double[] {1}, new double[] {100});
    }

    /** Typical prices 10, 20, 30, 40, 50, 60 with volumes 1, 3, 0, 0, 2, 2. */
    private static HandBars sixBarsWithAHalt() {
        return new HandBars()
                .bar(12, 9, 9, 1)
                .bar(22, 18, 20, 3)
                .bar(31, 29, 30, 0)
                .bar(41, 39, 40, 0)
                .bar(50, 50, 50, 2)
                .bar(61, 59, 60, 2);
    }

    @Test
    void weighsTheTypicalPriceByVolumeOverTheWindow() {
        HandBars bars = sixBarsWithAHalt();
        // (10*1 + 20*3) / 4 = 17.5; (20*3 + 30*0) / 3 = 20; halt -> 40; (40*0 + 50*2) / 2 = 50; (100 + 120) / 4 = 55
        double[] two = {NaN, 17.5, 20, 40, 50, 55};
        assertArrayEquals(two, bars.compute(vwap, vwap.bind(2))[0]);
        assertArrayEquals(two, bars.stream(vwap, vwap.bind(2))[0]);
        // (10 + 60 + 0) / 4 = 17.5; (60 + 0 + 0) / 3 = 20; (0 + 0 + 100) / 2 = 50; (0 + 100 + 120) / 4 = 55
        double[] three = {NaN, NaN, 17.5, 20, 50, 55};
        assertArrayEquals(three, bars.compute(vwap, vwap.bind(3))[0]);
        assertArrayEquals(three, bars.stream(vwap, vwap.bind(3))[0]);
    }

    @Test
    void aWindowWithoutVolumeGivesTheTypicalPrice() {
        HandBars bars = sixBarsWithAHalt();
        assertEquals(40, bars.compute(vwap, vwap.bind(2))[0][3]);
        assertArrayEquals(new double[] {10, 20, 30, 40, 50, 60}, bars.compute(vwap, vwap.bind(1))[0]);
    }

    @Test
    void aMissingBarIsNaNAndAddsNothingToLaterWindows() {
        HandBars bars = new HandBars()
                .bar(12, 9, 9, 1)
                .bar(NaN, NaN, NaN, NaN)
                .bar(31, 29, 30, 1)
                .bar(41, 39, 40, 1);
        // window 3 at bar 2: (10*1 + nothing + 30*1) / 2 = 20; at bar 3: (30 + 40) / 2 = 35
        double[] expected = {NaN, NaN, 20, 35};
        assertArrayEquals(expected, bars.compute(vwap, vwap.bind(3))[0]);
        assertArrayEquals(expected, bars.stream(vwap, vwap.bind(3))[0]);
    }

    @Test
    void staysWithinTheWindowsTypicalPriceRange() {
        OhlcvSeries s = MarketDataSets.synthetic();
        int period = 10;
        double[] values = HandBars.compute(vwap, vwap.bind(period), s)[0];
        double[] h = s.column(PriceField.HIGH).toArray();
        double[] l = s.column(PriceField.LOW).toArray();
        double[] c = s.column(PriceField.CLOSE).toArray();
        for (int i = period - 1; i < s.size(); i++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int j = i - period + 1; j <= i; j++) {
                double tp = (h[j] + l[j] + c[j]) / 3;
                lo = Math.min(lo, tp);
                hi = Math.max(hi, tp);
            }
            double v = values[i];
            assertTrue(v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12), "bar " + i + ": " + v + " outside [" + lo + ", " + hi + "]");
        }
    }
}
