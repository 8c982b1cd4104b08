package dev.candela.cpu.overlap;

import dev.candela.core.data.OhlcvSeries;
import dev.candela.core.data.SymbolBatch;
import dev.candela.core.data.Timeframe;
import dev.candela.core.market.SyntheticMarket;
import dev.candela.spi.BarBatch;
import dev.candela.spi.Indicator;
import dev.candela.spi.IndicatorOutput;
import dev.candela.spi.Parameters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Hand-made series, batch runs and equality checks shared by this package's tests. */
final class OverlapFixtures {
    private static final long HOUR = 3_600_000L;
    /** A value every computation must overwrite. */
    private static final double UNWRITTEN = 12345.678;

    private OverlapFixtures() {
    }

    /** Hourly bars whose open, high, low and close all equal the given closes, with volume 1. */
    static OhlcvSeries closes(double... close) {
        long[] times = new long[close.length];
        double[] volume = new double[close.length];
        for (int i = 0; i < times.length; i++) {
            times[i] = i * HOUR;
            volume[i] = 1.0;
        }
        return OhlcvSeries.of("HAND", null, times, close, close, close, close, volume);
    }

    /** Nine aligned synthetic symbols: more than two groups of four, so every lane path of the kernels runs. */
    static List<OhlcvSeries> nineSymbols() {
        return SyntheticMarket.builder().seed(77L)
                .symbols("S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9")
                .timeframe(Timeframe.parse("1h")).bars(3_000).build().generateSeries();
    }

    /** All outputs of {@code indicator} over {@code bars}, from arrays prefilled with a sentinel. */
    static IndicatorOutput compute(Indicator indicator, Parameters p, BarBatch bars) {
        IndicatorOutput out = sentinelOutput(indicator, bars);
        indicator.compute(p, bars, out);
        return out;
    }

    /** Output 0 of symbol 0. */
    static double[] values(Indicator indicator, Parameters p, BarBatch bars) {
        return compute(indicator, p, bars).array(0, 0);
    }

    private static IndicatorOutput sentinelOutput(Indicator indicator, BarBatch bars) {
        IndicatorOutput out = IndicatorOutput.allocate(indicator.outputs().size(), bars.symbolCount(), bars.barCount());
        for (int k = 0; k < out.outputCount(); k++) {
            for (int s = 0; s < out.symbolCount(); s++) {
                Arrays.fill(out.array(k, s), UNWRITTEN);
            }
        }
        return out;
    }

    /** Runs {@code sweep} through {@link Indicator#computeSweep} and checks each result against a lone run. */
    static void assertSweepEqualsOneByOne(Indicator indicator, BarBatch bars, List<Parameters> sweep) {
        List<IndicatorOutput> outs = new ArrayList<>();
        for (int j = 0; j < sweep.size(); j++) {
            outs.add(sentinelOutput(indicator, bars));
        }
        indicator.computeSweep(sweep, bars, outs);
        for (int j = 0; j < sweep.size(); j++) {
            IndicatorOutput alone = compute(indicator, sweep.get(j), bars);
            for (int k = 0; k < alone.outputCount(); k++) {
                for (int s = 0; s < bars.symbolCount(); s++) {
                    assertArrayEquals(alone.array(k, s), outs.get(j).array(k, s), indicator.id() + sweep.get(j)
                            + " output " + indicator.outputs().get(k) + " of " + bars.symbol(s) + " in a sweep");
                }
            }
        }
    }

    /** Checks that a batch of many symbols gives each symbol exactly what it gets alone. */
    static void assertBatchEqualsEachAlone(Indicator indicator, Parameters p, List<OhlcvSeries> symbols) {
        SymbolBatch batch = SymbolBatch.align(symbols);
        IndicatorOutput together = compute(indicator, p, batch);
        for (int s = 0; s < symbols.size(); s++) {
            IndicatorOutput alone = compute(indicator, p, symbols.get(s));
            for (int k = 0; k < alone.outputCount(); k++) {
                assertArrayEquals(alone.array(k, 0), together.array(k, s),
                        indicator.id() + p + " of " + symbols.get(s).symbol() + " in a batch of " + symbols.size());
            }
        }
    }
}
