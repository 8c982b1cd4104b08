package dev.candela.cpu.overlap;

import dev.candela.core.data.OhlcvSeries;
import dev.candela.core.data.SymbolBatch;
import dev.candela.spi.Indicator;
import dev.candela.spi.IndicatorOutput;
import dev.candela.spi.Parameters;
import dev.candela.tck.IndicatorKit;
import dev.candela.tck.MarketDataSets;
import dev.candela.tck.TaLibReference;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExponentialMovingAverageTest extends IndicatorKit {
    @Override
    protected Indicator indicator() {
        return new ExponentialMovingAverage();
    }

    @Override
    protected List<double[]> parameterSets() {
        return List.of(new double[] {30}, new double[] {2}, new double[] {200});
    }

    @Override
    protected Optional<TaLibReference> taLib() {
        return Optional.of((core, p, b) -> TaLibRuns.one("ema", b.length(),
                (end, begin, count, out) -> core.ema(0, end, b.close(), p.getInt(0), begin, count, out)));
    }

    @Test
    void seedsWithTheSmaThenHalvesTheGapForPeriodThree() {
        // k = 2 / (3 + 1) = 0.5; seed = (2 + 4 + 6) / 3 = 4; then 4 + (1 - 4) / 2 = 2.5; 2.5 + (9 - 2.5) / 2 = 5.75.
        double[] out = OverlapFixtures.values(indicator(), indicator().bind(3), OverlapFixtures.closes(2, 4, 6, 1, 9));
        assertArrayEquals(new double[] {Double.NaN, Double.NaN, 4.0, 2.5, 5.75}, out, 1e-12);
    }

    @Test
    void sweepOverPeriodsTwoToHundredEqualsEachPeriodAloneBitForBit() {
        Indicator ema = indicator();
        List<Parameters> sweep = new ArrayList<>();
        for (int period = 2; period <= 100; period++) {
            sweep.add(ema.bind(period));
        }
        for (OhlcvSeries series : MarketDataSets.realOrSynthetic()) {
            OverlapFixtures.assertSweepEqualsOneByOne(ema, series, sweep);
        }
    }

    @Test
    void sweepOverManySymbolsWithRepeatedUnsortedAndTooLongPeriodsEqualsEachAlone() {
        Indicator ema = indicator();
        List<Parameters> sweep = List.of(ema.bind(30), ema.bind(2), ema.bind(14), ema.bind(30), ema.bind(2_999),
                ema.bind(3_000), ema.bind(5_000), ema.bind(7), ema.bind(100));
        OverlapFixtures.assertSweepEqualsOneByOne(ema, SymbolBatch.align(OverlapFixtures.nineSymbols()), sweep);
    }

    @Test
    void sweepRejectsMoreParameterSetsThanOutputs() {
        Indicator ema = indicator();
        OhlcvSeries series = MarketDataSets.synthetic();
        List<IndicatorOutput> one = List.of(IndicatorOutput.allocate(1, 1, series.barCount()));
        assertThrows(IllegalArgumentException.class,
                () -> ema.computeSweep(List.of(ema.bind(14), ema.bind(20)), series, one));
    }

    @Test
    void batchOfNineSymbolsEqualsEachSymbolAloneBitForBit() {
        for (int period : new int[] {2, 30, 2_999, 3_000, 5_000}) {
            OverlapFixtures.assertBatchEqualsEachAlone(indicator(), indicator().bind(period), OverlapFixtures.nineSymbols());
        }
    }
}
