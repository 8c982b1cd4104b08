package dev.candela.cpu.overlap;

import dev.candela.spi.Indicator;
import dev.candela.tck.IndicatorKit;
import dev.candela.tck.TaLibReference;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class SimpleMovingAverageTest extends IndicatorKit {
    @Override
    protected Indicator indicator() {
        return new SimpleMovingAverage();
    }

    @Override
    protected List<double[]> parameterSets() {
        return List.of(new double[] {30}, new double[] {2}, new double[] {200});
    }

    @Override
    protected Optional<TaLibReference> taLib() {
        return Optional.of((core, p, b) -> TaLibRuns.one("sma", b.length(),
                (end, begin, count, out) -> core.sma(0, end, b.close(), p.getInt(0), begin, count, out)));
    }

    @Test
    void averagesTheLastPeriodClosesComputedByHand() {
        double[] out = OverlapFixtures.values(indicator(), indicator().bind(3), OverlapFixtures.closes(1, 2, 6, 4, 5));
        assertArrayEquals(new double[] {Double.NaN, Double.NaN, 3.0, 4.0, 5.0}, out, 1e-12);
    }

    @Test
    void batchOfNineSymbolsEqualsEachSymbolAloneBitForBit() {
        for (int period : new int[] {2, 30, 2_999, 3_000, 5_000}) {
            OverlapFixtures.assertBatchEqualsEachAlone(indicator(), indicator().bind(period), OverlapFixtures.nineSymbols());
        }
    }
}
