package dev.candela.cpu.overlap;

import com.tictactec.ta.lib.MAType;
import dev.candela.core.data.OhlcvSeries;
import dev.candela.cpu.kernel.MovingAverages;
import dev.candela.spi.Indicator;
import dev.candela.spi.IndicatorOutput;
import dev.candela.spi.PriceField;
import dev.candela.tck.IndicatorKit;
import dev.candela.tck.MarketDataSets;
import dev.candela.tck.TaLibReference;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BollingerBandsTest extends IndicatorKit {
    private static final double NAN = Double.NaN;

    @Override
    protected Indicator indicator() {
        return new BollingerBands();
    }

    @Override
    protected List<double[]> parameterSets() {
        return List.of(new double[] {20, 2}, new double[] {5, 1}, new double[] {100, 2.5});
    }

    @Override
    protected Optional<TaLibReference> taLib() {
        return Optional.of((core, p, b) -> TaLibRuns.three("bbands", b.length(),
                (end, begin, count, upper, middle, lower) -> core.bbands(0, end, b.close(), p.getInt(0), p.get(1),
                        p.get(1), MAType.Sma, begin, count, upper, middle, lower)));
    }

    @Test
    void bandsArePopulationDeviationsAroundTheSmaComputedByHand() {
        // bbands(3, 2) of 1, 2, 3, 5. Bar 2: mean 2, variance 14/3 - 4 = 2/3. Bar 3: mean 10/3,
        // variance 38/3 - 100/9 = 14/9, deviation sqrt(14)/3.
        IndicatorOutput out = OverlapFixtures.compute(indicator(), indicator().bind(3, 2), OverlapFixtures.closes(1, 2, 3, 5));
        double d2 = Math.sqrt(2.0 / 3);
        double d3 = Math.sqrt(14.0) / 3;
        assertArrayEquals(new double[] {NAN, NAN, 2 + 2 * d2, 10.0 / 3 + 2 * d3}, out.array(0, 0), 1e-12);
        assertArrayEquals(new double[] {NAN, NAN, 2, 10.0 / 3}, out.array(1, 0), 1e-12);
        assertArrayEquals(new double[] {NAN, NAN, 2 - 2 * d2, 10.0 / 3 - 2 * d3}, out.array(2, 0), 1e-12);
    }

    /**
     * The middle band is TA-Lib's running-sum SMA bit for bit (the deviation is built on the same sums); the
     * sma indicator, which sums by changes, is within 1e-12 of it.
     */
    @Test
    void middleBandIsTaLibsRunningSumSmaBitForBit() {
        OhlcvSeries series = MarketDataSets.realOrSynthetic().get(0);
        double[] middle = OverlapFixtures.compute(indicator(), indicator().bind(20, 2), series).array(1, 0);
        double[] close = series.column(PriceField.CLOSE).toArray();
        double[] runningSum = new double[close.length];
        MovingAverages.sma(close, 0, runningSum, 0, close.length, 20);
        assertArrayEquals(runningSum, middle);
        Indicator sma = new SimpleMovingAverage();
        double[] indicatorSma = OverlapFixtures.values(sma, sma.bind(20), series);
        for (int i = 19; i < close.length; i++) {
            assertEquals(middle[i], indicatorSma[i], 1e-12 * middle[i], "bar " + i);
        }
    }

    @Test
    void flatWindowCollapsesTheBandsOntoTheMiddle() {
        IndicatorOutput out = OverlapFixtures.compute(indicator(), indicator().bind(4, 2),
                OverlapFixtures.closes(65_432.1, 65_432.1, 65_432.1, 65_432.1, 65_432.1, 65_432.1));
        for (int i = 3; i < 6; i++) {
            assertEquals(out.array(1, 0)[i], out.array(0, 0)[i], "upper at " + i);
            assertEquals(out.array(1, 0)[i], out.array(2, 0)[i], "lower at " + i);
        }
    }
}
