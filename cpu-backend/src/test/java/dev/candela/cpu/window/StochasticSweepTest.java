package dev.candela.cpu.window;

import dev.candela.core.data.SymbolBatch;
import dev.candela.spi.Indicator;
import dev.candela.spi.IndicatorOutput;
import dev.candela.spi.Parameters;
import dev.candela.tck.MarketDataSets;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The shared-work sweeps of stoch and stochf give exactly the one-by-one results. */
class StochasticSweepTest {
    private static final SymbolBatch BARS = SymbolBatch.align(MarketDataSets.syntheticSymbols());

    private static void assertSweepEqualsOneByOne(Indicator indicator, List<Parameters> sweep) {
        List<IndicatorOutput> swept = new ArrayList<>();
        for (int j = 0; j < sweep.size(); j++) {
            swept.add(IndicatorOutput.allocate(indicator.outputs().size(), BARS.symbolCount(), BARS.barCount()));
        }
        indicator.computeSweep(sweep, BARS, swept);
        for (int j = 0; j < sweep.size(); j++) {
            IndicatorOutput alone = IndicatorOutput.allocate(indicator.outputs().size(), BARS.symbolCount(), BARS.barCount());
            indicator.compute(sweep.get(j), BARS, alone);
            for (int k = 0; k < alone.outputCount(); k++) {
                for (int s = 0; s < alone.symbolCount(); s++) {
                    assertArrayEquals(alone.array(k, s), swept.get(j).array(k, s),
                            indicator.id() + sweep.get(j) + " output " + k + " symbol " + s);
                }
            }
        }
    }

    @Test
    void stochSweepSharingFastAndSlowKEqualsEachSetAlone() {
        Indicator stoch = new Stochastic();
        List<Parameters> sweep = new ArrayList<>();
        for (int fastk : new int[] {5, 14}) {
            for (int slowk : new int[] {1, 3}) {
                for (int slowd : new int[] {3, 5}) {
                    sweep.add(stoch.bind(fastk, slowk, slowd));
                }
            }
        }
        sweep.add(stoch.bind(5, 3, 3));
        sweep.add(stoch.bind(1500, 400, 200));
        assertSweepEqualsOneByOne(stoch, sweep);
    }

    @Test
    void stochfSweepSharingFastKEqualsEachSetAlone() {
        Indicator stochf = new FastStochastic();
        List<Parameters> sweep = new ArrayList<>();
        for (int fastk : new int[] {1, 5, 21}) {
            for (int fastd : new int[] {1, 3, 8}) {
                sweep.add(stochf.bind(fastk, fastd));
            }
        }
        sweep.add(stochf.bind(1990, 20));
        assertSweepEqualsOneByOne(stochf, sweep);
    }

    @Test
    void aSweepWithMismatchedOutputsIsRejected() {
        Indicator stoch = new Stochastic();
        assertThrows(IllegalArgumentException.class, () -> stoch.computeSweep(List.of(stoch.bind()), BARS, List.of()));
    }
}
