package dev.candela.cpu.momentum;

import com.tictactec.ta.lib.Core;
import dev.candela.core.data.OhlcvSeries;
import dev.candela.core.data.SymbolBatch;
import dev.candela.core.data.Timeframe;
import dev.candela.core.market.SyntheticMarket;
import dev.candela.spi.BarBatch;
import dev.candela.spi.Indicator;
import dev.candela.spi.IndicatorOutput;
import dev.candela.spi.Parameters;
import dev.candela.spi.PriceField;
import dev.candela.tck.IndicatorKit;
import dev.candela.tck.MarketDataSets;
import dev.candela.tck.TaLibReference;
import dev.candela.tck.Tolerance;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RelativeStrengthIndexTest extends IndicatorKit {
    @Override
    protected Indicator indicator() {
        return new RelativeStrengthIndex();
    }

    @Override
    protected List<double[]> parameterSets() {
        return List.of(new double[] {14}, new double[] {2}, new double[] {50});
    }

    @Override
    protected Optional<TaLibReference> taLib() {
        return Optional.of((core, p, b) -> TaLibCalls.single("rsi", b.length(),
                (end, begin, count, out) -> core.rsi(0, end, b.close(), p.getInt(0), begin, count, out)));
    }

    private static IndicatorOutput computeAlone(Indicator rsi, Parameters p, BarBatch bars) {
        IndicatorOutput out = IndicatorOutput.allocate(1, bars.symbolCount(), bars.barCount());
        rsi.compute(p, bars, out);
        return out;
    }

    private static void assertSweepEqualsOneByOne(BarBatch bars, List<Parameters> sweep) {
        Indicator rsi = new RelativeStrengthIndex();
        List<IndicatorOutput> outs = new ArrayList<>();
        for (int k = 0; k < sweep.size(); k++) {
            IndicatorOutput out = IndicatorOutput.allocate(1, bars.symbolCount(), bars.barCount());
            for (int s = 0; s < bars.symbolCount(); s++) {
                Arrays.fill(out.array(0, s), 12345.678);
            }
            outs.add(out);
        }
        rsi.computeSweep(sweep, bars, outs);
        for (int k = 0; k < sweep.size(); k++) {
            IndicatorOutput alone = computeAlone(rsi, sweep.get(k), bars);
            for (int s = 0; s < bars.symbolCount(); s++) {
                assertArrayEquals(alone.array(0, s), outs.get(k).array(0, s),
                        "rsi" + sweep.get(k) + " of symbol " + bars.symbol(s) + " in a sweep");
            }
        }
    }

    @Test
    void sweepOverPeriodsTwoToHundredEqualsEachPeriodAloneBitForBit() {
        Indicator rsi = new RelativeStrengthIndex();
        List<Parameters> sweep = new ArrayList<>();
        for (int period = 2; period <= 100; period++) {
            sweep.add(rsi.bind(period));
        }
        for (OhlcvSeries series : MarketDataSets.realOrSynthetic()) {
            assertSweepEqualsOneByOne(series, sweep);
        }
    }

    @Test
    void sweepOverManySymbolsWithRepeatedAndUnsortedPeriodsEqualsEachAlone() {
        Indicator rsi = new RelativeStrengthIndex();
        List<Parameters> sweep = List.of(rsi.bind(30), rsi.bind(2), rsi.bind(14), rsi.bind(30), rsi.bind(1999), rsi.bind(5000));
        assertSweepEqualsOneByOne(SymbolBatch.align(MarketDataSets.syntheticSymbols()), sweep);
    }

    @Test
    void sweepWithPeriodsLongerThanTheSeriesLeavesThemNaNAndTheOthersIntact() {
        Indicator rsi = new RelativeStrengthIndex();
        OhlcvSeries series = MarketDataSets.synthetic().slice(0, 40);
        List<Parameters> sweep = List.of(rsi.bind(3), rsi.bind(45), rsi.bind(2), rsi.bind(39), rsi.bind(40),
                rsi.bind(10), rsi.bind(20), rsi.bind(30));
        assertSweepEqualsOneByOne(series, sweep);
        List<IndicatorOutput> outs = List.of(IndicatorOutput.allocate(1, 1, 40), IndicatorOutput.allocate(1, 1, 40));
        rsi.computeSweep(List.of(rsi.bind(45), rsi.bind(2)), series, outs);
        assertTrue(Arrays.stream(outs.get(0).array(0, 0)).allMatch(Double::isNaN), "rsi(45) of 40 bars");
        assertTrue(Double.isFinite(outs.get(1).array(0, 0)[39]), "rsi(2) of 40 bars");
    }

    @Test
    void batchOfSevenSymbolsEqualsEachSymbolAloneBitForBit() {
        // Symbols run four per pass; seven covers a full pass and a remainder of three.
        SymbolBatch batch = SyntheticMarket.builder().seed(77L).symbols("A", "B", "C", "D", "E", "F", "G")
                .timeframe(Timeframe.H1).bars(700).build().generate();
        Indicator rsi = new RelativeStrengthIndex();
        for (int period : new int[] {2, 14, 699, 700}) {
            IndicatorOutput together = computeAlone(rsi, rsi.bind(period), batch);
            for (int s = 0; s < batch.symbolCount(); s++) {
                IndicatorOutput alone = computeAlone(rsi, rsi.bind(period), batch.symbolSlice(s, s + 1));
                assertArrayEquals(alone.array(0, 0), together.array(0, s), "rsi(" + period + ") of " + batch.symbol(s));
            }
        }
    }

    @Test
    void sweepRejectsMoreParameterSetsThanOutputs() {
        Indicator rsi = new RelativeStrengthIndex();
        OhlcvSeries series = MarketDataSets.synthetic();
        List<IndicatorOutput> one = List.of(IndicatorOutput.allocate(1, 1, series.barCount()));
        assertThrows(IllegalArgumentException.class,
                () -> rsi.computeSweep(List.of(rsi.bind(14), rsi.bind(20)), series, one));
    }

    @Test
    void staysWithinItsDocumentedPrecisionOfTaLib() {
        // The reciprocal step may differ from TA-Lib's division by a few units in the last place per bar;
        // the documented bound is period * 1e-15 (relative, absolute below 1), far inside the kit's 1e-9.
        Indicator rsi = new RelativeStrengthIndex();
        Core core = new Core();
        for (OhlcvSeries s : MarketDataSets.realOrSynthetic()) {
            double[] close = s.column(PriceField.CLOSE).toArray();
            for (int period : new int[] {2, 14, 200, 2000}) {
                double[] expected = TaLibCalls.single("rsi", close.length,
                        (end, begin, count, out) -> core.rsi(0, end, close, period, begin, count, out))[0];
                double[] actual = computeAlone(rsi, rsi.bind(period), s).array(0, 0);
                int at = Tolerance.firstMismatch(expected, actual, period * 1e-15);
                assertEquals(-1, at, () -> Tolerance.describe("rsi(" + period + ") on " + s.symbol(), expected, actual, at));
            }
        }
    }

    @Test
    void matchesWilderAveragesComputedByHand() {
        // Closes 10, 11, 10, 12, 12, 11 with period 2: moves +1, -1, +2, 0, -1.
        // Seed over moves 1..2: gain = 1/2, loss = 1/2 -> RSI 50 at bar 2.
        // Bar 3 (+2): gain = (0.5 * 1 + 2) / 2 = 1.25, loss = 0.25 -> 100 * 1.25 / 1.5.
        // Bar 4 (0): gain = 0.625, loss = 0.125 -> 100 * 0.625 / 0.75.
        // Bar 5 (-1): gain = 0.3125, loss = 0.5625 -> 100 * 0.3125 / 0.875.
        double[] close = {10, 11, 10, 12, 12, 11};
        OhlcvSeries series = HandData.closes(close);
        IndicatorOutput out = computeAlone(new RelativeStrengthIndex(), new RelativeStrengthIndex().bind(2), series);
        double[] expected = {Double.NaN, Double.NaN, 50.0, 100 * 1.25 / 1.5, 100 * 0.625 / 0.75, 100 * 0.3125 / 0.875};
        assertArrayEquals(expected, out.array(0, 0), 1e-12);
    }

    @Test
    void flatSeriesReadsZeroAsInTaLib() {
        OhlcvSeries series = HandData.closes(new double[] {5, 5, 5, 5, 5});
        IndicatorOutput out = computeAlone(new RelativeStrengthIndex(), new RelativeStrengthIndex().bind(2), series);
        assertEquals(0.0, out.array(0, 0)[2]);
        assertEquals(0.0, out.array(0, 0)[4]);
    }
}
