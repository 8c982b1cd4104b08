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

/** The compliance kit plus hand-computed values for the Donchian channel. */
class DonchianChannelTest extends IndicatorKit {
    private static final double NaN = Double.NaN;
    private final Indicator donchian = new DonchianChannel();

    @Override
    protected Indicator indicator() {
        return donchian;
    }

    @Override
    protected List<double[]> parameterSets() {
        return List.of(new double[] {20}, new double[] {1}, new double[] {55});
    }

    @Test
    void tracksTheHighestHighAndLowestLowOfTheWindow() {
        HandBars bars = new HandBars()
                .bar(5, 3, 4, 1)
                .bar(7, 4, 5, 1)
                .bar(6, 2, 3, 1)
                .bar(9, 6, 8, 1)
                .bar(8, 7, 7, 1);
        double[][] expected = {
                {NaN, NaN, 7, 9, 9},
                {NaN, NaN, 4.5, 5.5, 5.5},
                {NaN, NaN, 2, 2, 2}};
        double[][] batch = bars.compute(donchian, donchian.bind(3));
        double[][] streamed = bars.stream(donchian, donchian.bind(3));
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(expected[k], batch[k], "batch " + donchian.outputs().get(k));
            assertArrayEquals(expected[k], streamed[k], "streaming " + donchian.outputs().get(k));
        }
    }

    @Test
    void encloseEveryBarOfTheWindow() {
        OhlcvSeries s = MarketDataSets.synthetic();
        double[][] channel = HandBars.compute(donchian, donchian.bind(20), s);
        double[] h = s.column(PriceField.HIGH).toArray();
        double[] l = s.column(PriceField.LOW).toArray();
        for (int i = 19; i < s.size(); i++) {
            for (int j = i - 19; j <= i; j++) {
                assertTrue(channel[0][i] >= h[j] && channel[2][i] <= l[j], "bar " + j + " outside the channel at " + i);
            }
            assertEquals((channel[0][i] + channel[2][i]) / 2, channel[1][i]);
        }
    }
}
