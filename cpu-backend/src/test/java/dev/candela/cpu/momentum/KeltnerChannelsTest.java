package dev.candela.cpu.momentum;

import dev.candela.core.data.OhlcvSeries;
import dev.candela.spi.Indicator;
import dev.candela.spi.IndicatorOutput;
import dev.candela.spi.Parameters;
import dev.candela.tck.IndicatorKit;
import dev.candela.tck.TaLibReference;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Keltner Channels have no TA-Lib function, but their parts do: the kit compares them with TA-Lib's EMA of
 * the close plus and minus the multiplier times TA-Lib's ATR, and the hand-worked cases below check the
 * definition itself.
 */
class KeltnerChannelsTest extends IndicatorKit {
    @Override
    protected Indicator indicator() {
        return new KeltnerChannels();
    }

    @Override
    protected List<double[]> parameterSets() {
        return List.of(new double[0], new double[] {5, 1.5, 30}, new double[] {2, 0.5, 1});
    }

    @Override
    protected Optional<TaLibReference> taLib() {
        return Optional.of((core, p, b) -> {
            int n = b.length();
            double[] ema = TaLibCalls.single("ema", n,
                    (end, begin, count, out) -> core.ema(0, end, b.close(), p.getInt(0), begin, count, out))[0];
            double[] atr = TaLibCalls.single("atr", n,
                    (end, begin, count, out) -> core.atr(0, end, b.high(), b.low(), b.close(), p.getInt(2), begin,
                            count, out))[0];
            double multiplier = p.get(1);
            double[][] bands = new double[3][n];
            for (int i = 0; i < n; i++) {
                boolean both = !Double.isNaN(ema[i]) && !Double.isNaN(atr[i]);
                bands[0][i] = both ? ema[i] + multiplier * atr[i] : Double.NaN;
                bands[1][i] = both ? ema[i] : Double.NaN;
                bands[2][i] = both ? ema[i] - multiplier * atr[i] : Double.NaN;
            }
            return bands;
        });
    }

    // Bars (high, low, close): (10, 8, 9), (11, 9, 10), (12, 10, 11), (15, 13, 14), (16, 14, 15).
    // True ranges from bar 1: 2, 2, max(2, |11 - 15|, |11 - 13|) = 4, max(2, |14 - 16|, 0) = 2.
    private static final OhlcvSeries BARS = HandData.hlc(
            new double[] {10, 11, 12, 15, 16}, new double[] {8, 9, 10, 13, 14}, new double[] {9, 10, 11, 14, 15});

    private static double[][] compute(Parameters p) {
        IndicatorOutput out = IndicatorOutput.allocate(3, 1, BARS.barCount());
        new KeltnerChannels().compute(p, BARS, out);
        return new double[][] {out.array(0, 0), out.array(1, 0), out.array(2, 0)};
    }

    @Test
    void bandsAreTheEmaPlusAndMinusMultiplesOfWildersAtr() {
        // keltner(3, 2, 2): EMA(3) has k = 0.5 and is seeded with (9 + 10 + 11) / 3 = 10 at bar 2, then
        // (14 - 10) * 0.5 + 10 = 12 and (15 - 12) * 0.5 + 12 = 13.5. ATR(2) is (2 + 2) / 2 = 2 at bar 2, then
        // (2 * 1 + 4) / 2 = 3 and (3 + 2) / 2 = 2.5. Bands: 10 +- 4, 12 +- 6, 13.5 +- 5.
        double[][] k = compute(new KeltnerChannels().bind(3, 2, 2));
        double nan = Double.NaN;
        assertArrayEquals(new double[] {nan, nan, 14, 18, 18.5}, k[0], 1e-12, "upper");
        assertArrayEquals(new double[] {nan, nan, 10, 12, 13.5}, k[1], 1e-12, "middle");
        assertArrayEquals(new double[] {nan, nan, 6, 6, 8.5}, k[2], 1e-12, "lower");
    }

    @Test
    void longerEmaPeriodSetsTheWarmUpOfAllThreeOutputs() {
        // keltner(4, 1, 1): lookback max(4 - 1, 1) = 3. EMA(4), k = 0.4: seed (9 + 10 + 11 + 14) / 4 = 11,
        // then (15 - 11) * 0.4 + 11 = 12.6. ATR(1) is the true range: 4, then 2.
        double[][] k = compute(new KeltnerChannels().bind(4, 1, 1));
        double nan = Double.NaN;
        assertEquals(3, new KeltnerChannels().lookback(new KeltnerChannels().bind(4, 1, 1)));
        assertArrayEquals(new double[] {nan, nan, nan, 15, 14.6}, k[0], 1e-12, "upper");
        assertArrayEquals(new double[] {nan, nan, nan, 11, 12.6}, k[1], 1e-12, "middle");
        assertArrayEquals(new double[] {nan, nan, nan, 7, 10.6}, k[2], 1e-12, "lower");
    }

    @Test
    void defaultsAreTwentyTwoAndTen() {
        Parameters defaults = new KeltnerChannels().bind();
        assertEquals("20,2,10", defaults.format());
        assertEquals(19, new KeltnerChannels().lookback(defaults), "the EMA(20) warm-up is the longer one");
    }
}
