package dev.candela.cpu.overlap;

import dev.candela.core.data.OhlcvSeries;
import dev.candela.spi.Indicator;
import dev.candela.tck.IndicatorKit;
import dev.candela.tck.MarketDataSets;
import dev.candela.tck.TaLibReference;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class VarianceTest extends IndicatorKit {
    @Override
    protected Indicator indicator() {
        return new Variance();
    }

    @Override
    protected List<double[]> parameterSets() {
        return List.of(new double[] {5, 1}, new double[] {1, 1}, new double[] {100, 2});
    }

    @Override
    protected Optional<TaLibReference> taLib() {
        return Optional.of((core, p, b) -> TaLibRuns.one("variance", b.length(),
                (end, begin, count, out) -> core.variance(0, end, b.close(), p.getInt(0), p.get(1), begin, count, out)));
    }

    @Test
    void isThePopulationVarianceComputedByHand() {
        // Windows of 3: {1, 2, 6}: mean 3, squares 41/3 -> 41/3 - 9 = 14/3; {2, 6, 4}: mean 4, 56/3 - 16 = 8/3.
        double[] out = OverlapFixtures.values(indicator(), indicator().bind(3), OverlapFixtures.closes(1, 2, 6, 4));
        assertArrayEquals(new double[] {Double.NaN, Double.NaN, 14.0 / 3, 8.0 / 3}, out, 1e-12);
    }

    @Test
    void nbdevIsNotAppliedAsInTaLib() {
        OhlcvSeries series = MarketDataSets.synthetic();
        assertArrayEquals(OverlapFixtures.values(indicator(), indicator().bind(10, 1), series),
                OverlapFixtures.values(indicator(), indicator().bind(10, 3), series));
    }

    @Test
    void periodOneIsZeroEverywhere() {
        for (double v : OverlapFixtures.values(indicator(), indicator().bind(1), MarketDataSets.synthetic())) {
            assertEquals(0.0, v);
        }
    }
}
