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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MovingAverageConvergenceDivergenceTest extends IndicatorKit {
    private static final double NAN = Double.NaN;

    @Override
    protected Indicator indicator() {
        return new MovingAverageConvergenceDivergence();
    }

    @Override
    protected List<double[]> parameterSets() {
        return List.of(new double[] {12, 26, 9}, new double[] {26, 12, 2}, new double[] {3, 100, 30});
    }

    @Override
    protected Optional<TaLibReference> taLib() {
        return Optional.of((core, p, b) -> TaLibRuns.three("macd", b.length(),
                (end, begin, count, macd, signal, hist) -> core.macd(0, end, b.close(), p.getInt(0), p.getInt(1),
                        p.getInt(2), begin, count, macd, signal, hist)));
    }

    @Test
    void seedsTheFastEmaOnTheBarsEndingWithTheSlowSeedComputedByHand() {
        // macd(2, 3, 2) of 1, 2, 4, 8, 16, 32. Slow EMA (k = 1/2) seeded at bar 2 with (1 + 2 + 4) / 3 = 7/3,
        // then 31/6, 127/12, 511/24. Fast EMA (k = 2/3) seeded at bar 2 with the mean of bars 1..2,
        // (2 + 4) / 2 = 3 (not bars 0..1), then 19/3, 115/9, 691/27. Line: 2/3, 7/6, 79/36, 929/216.
        // Signal (k = 2/3) seeded at bar 3 with (2/3 + 7/6) / 2 = 11/12, then 191/108, 280/81.
        IndicatorOutput out = OverlapFixtures.compute(indicator(), indicator().bind(2, 3, 2),
                OverlapFixtures.closes(1, 2, 4, 8, 16, 32));
        assertArrayEquals(new double[] {NAN, NAN, NAN, 7.0 / 6, 79.0 / 36, 929.0 / 216}, out.array(0, 0), 1e-12);
        assertArrayEquals(new double[] {NAN, NAN, NAN, 11.0 / 12, 191.0 / 108, 280.0 / 81}, out.array(1, 0), 1e-12);
        assertArrayEquals(new double[] {NAN, NAN, NAN, 1.0 / 4, 23.0 / 54, 547.0 / 648}, out.array(2, 0), 1e-12);
    }

    @Test
    void slowShorterThanFastIsSwappedAsInTaLib() {
        OhlcvSeries series = MarketDataSets.synthetic();
        IndicatorOutput straight = OverlapFixtures.compute(indicator(), indicator().bind(12, 26, 9), series);
        IndicatorOutput swapped = OverlapFixtures.compute(indicator(), indicator().bind(26, 12, 9), series);
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(straight.array(k, 0), swapped.array(k, 0), "output " + k);
        }
        assertEquals(33, indicator().lookback(indicator().bind(26, 12, 9)));
    }

    @Test
    void rejectsASignalPeriodOfOneWhichTaLibCannotCompute() {
        assertThrows(IllegalArgumentException.class, () -> indicator().bind(12, 26, 1));
    }

    @Test
    void gridSweepEqualsEachParameterSetAloneBitForBit() {
        Indicator macd = indicator();
        List<Parameters> sweep = new ArrayList<>();
        for (int fast : new int[] {2, 5, 12}) {
            for (int slow : new int[] {3, 12, 26, 50}) {
                for (int signal : new int[] {2, 9, 15}) {
                    sweep.add(macd.bind(fast, slow, signal));
                }
            }
        }
        for (OhlcvSeries series : MarketDataSets.realOrSynthetic()) {
            OverlapFixtures.assertSweepEqualsOneByOne(macd, series, sweep);
        }
    }

    @Test
    void sweepOverManySymbolsWithUnsortedRepeatedAndTooLongSetsEqualsEachAlone() {
        Indicator macd = indicator();
        List<Parameters> sweep = List.of(macd.bind(26, 12, 9), macd.bind(12, 26, 9), macd.bind(12, 26, 9),
                macd.bind(5, 2_990, 5), macd.bind(5, 2_990, 20), macd.bind(50, 5_000, 9), macd.bind(7, 7, 3),
                macd.bind(3, 26, 100));
        OverlapFixtures.assertSweepEqualsOneByOne(macd, SymbolBatch.align(OverlapFixtures.nineSymbols()), sweep);
    }

    @Test
    void sweepRejectsMoreParameterSetsThanOutputs() {
        Indicator macd = indicator();
        OhlcvSeries series = MarketDataSets.synthetic();
        List<IndicatorOutput> one = List.of(IndicatorOutput.allocate(3, 1, series.barCount()));
        assertThrows(IllegalArgumentException.class,
                () -> macd.computeSweep(List.of(macd.bind(12, 26, 9), macd.bind(5, 35, 5)), series, one));
    }
}
