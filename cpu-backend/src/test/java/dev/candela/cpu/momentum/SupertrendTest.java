package dev.candela.cpu.momentum;

import dev.candela.core.data.OhlcvSeries;
import dev.candela.spi.Indicator;
import dev.candela.spi.IndicatorOutput;
import dev.candela.spi.Parameters;
import dev.candela.spi.PriceField;
import dev.candela.tck.IndicatorKit;
import dev.candela.tck.MarketDataSets;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SupertrendTest extends IndicatorKit {
    @Override
    protected Indicator indicator() {
        return new Supertrend();
    }

    @Override
    protected List<double[]> parameterSets() {
        return List.of(new double[0], new double[] {1, 1}, new double[] {50, 0.5});
    }

    private static double[][] compute(Parameters p, OhlcvSeries bars) {
        IndicatorOutput out = IndicatorOutput.allocate(2, 1, bars.barCount());
        new Supertrend().compute(p, bars, out);
        return new double[][] {out.array(0, 0), out.array(1, 0)};
    }

    @Test
    void followsTheBandCarryAndFlipRulesWorkedOutByHand() {
        // supertrend(2, 1), bars (high, low, close):
        // 0 (10, 8, 9); 1 (11, 9, 10): TR 2; 2 (12, 10, 11): TR 2, ATR (2 + 2) / 2 = 2.
        //   mid 11, bands 13 / 9; first bar: trend down, value = upper 13.
        // 3 (15, 13, 14.5): TR max(2, |11 - 15|, |11 - 13|) = 4, ATR (2 + 4) / 2 = 3; mid 14, basic 17 / 11.
        //   upper keeps 13 (17 is not lower and the previous close 11 is not above 13); lower rises to 11.
        //   Close 14.5 > 13: trend turns up, value = lower 11.
        // 4 (16, 14, 15): TR max(2, 1.5, 0.5) = 2, ATR 2.5; mid 15, basic 17.5 / 12.5.
        //   previous close 14.5 > upper 13, so upper resets to 17.5; lower rises to 12.5. Close 15 >= 12.5: up.
        // 5 (15, 11, 11.5): TR max(4, 0, 4) = 4, ATR 3.25; mid 13, basic 16.25 / 9.75.
        //   upper falls to 16.25; lower keeps 12.5. Close 11.5 < 12.5: trend turns down, value = upper 16.25.
        // 6 (12, 10, 11): TR max(2, 0.5, 1.5) = 2, ATR 2.625; mid 11, basic 13.625 / 8.375.
        //   upper falls to 13.625; previous close 11.5 < lower 12.5, so lower resets to 8.375. Close 11 <= 13.625: down.
        OhlcvSeries bars = HandData.hlc(new double[] {10, 11, 12, 15, 16, 15, 12},
                new double[] {8, 9, 10, 13, 14, 11, 10}, new double[] {9, 10, 11, 14.5, 15, 11.5, 11});
        double[][] st = compute(new Supertrend().bind(2, 1), bars);
        double nan = Double.NaN;
        assertArrayEquals(new double[] {nan, nan, 13, 11, 12.5, 16.25, 13.625}, st[0], 1e-12, "value");
        assertArrayEquals(new double[] {nan, nan, -1, 1, 1, -1, -1}, st[1], 0.0, "direction");
    }

    @Test
    void firstValueIsTheUpperBandOverTaLibsAtr() {
        // The ATR flavour: at the first bar the value is mid + multiplier * ATR with TA-Lib's Wilder ATR.
        OhlcvSeries s = MarketDataSets.realOrSynthetic().get(0);
        int period = 14;
        double multiplier = 3;
        double[] atr = TaLibCalls.single("atr", s.size(), (end, begin, count, out) -> new com.tictactec.ta.lib.Core()
                .atr(0, end, s.column(PriceField.HIGH).toArray(), s.column(PriceField.LOW).toArray(),
                        s.column(PriceField.CLOSE).toArray(), period, begin, count, out))[0];
        double[][] st = compute(new Supertrend().bind(period, multiplier), s);
        double mid = (s.column(PriceField.HIGH).get(period) + s.column(PriceField.LOW).get(period)) / 2;
        assertEquals(mid + multiplier * atr[period], st[0][period], 1e-9 * st[0][period]);
        assertEquals(-1.0, st[1][period]);
    }

    @Test
    void holdsItsTrailingInvariantsOnMarketData() {
        for (OhlcvSeries s : MarketDataSets.realOrSynthetic()) {
            double[][] st = compute(new Supertrend().bind(), s);
            double[] close = s.column(PriceField.CLOSE).toArray();
            int lookback = 10;
            int flips = 0;
            for (int i = lookback; i < s.size(); i++) {
                double dir = st[1][i];
                assertTrue(dir == 1.0 || dir == -1.0, s.symbol() + " bar " + i + " direction " + dir);
                if (i < lookback + 1 || st[1][i - 1] != dir) {
                    flips++;
                    continue;
                }
                // A trend that did not flip has its close on its own side of the band.
                assertTrue(dir > 0 ? close[i] >= st[0][i] : close[i] <= st[0][i],
                        s.symbol() + " bar " + i + ": close " + close[i] + " on the wrong side of " + st[0][i]);
                if (i >= lookback + 2 && st[1][i - 2] == dir) {
                    // Over three bars of one trend the band only trails: up trends never lower it, down trends
                    // never raise it.
                    assertTrue(dir > 0 ? st[0][i] >= st[0][i - 1] : st[0][i] <= st[0][i - 1],
                            s.symbol() + " bar " + i + ": band moved against the trend");
                }
            }
            assertTrue(flips > 10, s.symbol() + " should change trend now and then, changed " + flips);
        }
    }
}
