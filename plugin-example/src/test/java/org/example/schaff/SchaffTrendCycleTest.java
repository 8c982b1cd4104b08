package org.example.schaff;

import dev.candela.spi.BarBatch;
import dev.candela.spi.Column;
import dev.candela.spi.Indicator;
import dev.candela.spi.IndicatorOutput;
import dev.candela.spi.IndicatorState;
import dev.candela.spi.Parameters;
import dev.candela.spi.PriceField;
import dev.candela.tck.IndicatorKit;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The compliance kit (real data, streaming, state, look-ahead, threads) plus cases worked out by hand. */
class SchaffTrendCycleTest extends IndicatorKit {
    private static final double NAN = Double.NaN;

    @Override
    protected Indicator indicator() {
        return new SchaffTrendCycle();
    }

    @Override
    protected List<double[]> parameterSets() {
        return List.of(new double[0], new double[] {5, 12, 4, 0.5}, new double[] {2, 3, 2, 1.0});
    }

    @Override
    protected boolean allowsNaNAfterLookback() {
        return false;
    }

    @Test
    void shortCycleMatchesAHandComputation() {
        // stc(2,3,2,0.5) on closes 10 12 11 14 13 15 16 14 14 17; lookback 3 - 1 + 2 * (2 - 1) = 4.
        // EMA(2), k = 2/3, seeded at bar 1 with (10 + 12) / 2 = 11: 11, 11, 13, 13, 43/3, ...
        // EMA(3), k = 1/2, seeded at bar 2 with 11: 11, 12.5, 12.75, 13.875, ...
        // MACD from bar 2: 0, 0.5, 0.25, 11/24, ...
        // bar 3: %K of {0, 0.5} at 0.5 = 100, smoothed line starts at 100.
        // bar 4: %K of {0.5, 0.25} at 0.25 = 0, line 100 + (0 - 100) / 2 = 50;
        //        %K of the line {100, 50} at 50 = 0: the STC starts at 0.
        // bar 5: %K of {0.25, 11/24} at 11/24 = 100, line 75; %K of {50, 75} at 75 = 100; STC 0 + 100 / 2 = 50.
        // bars 6-9 continue the same way: 75, 75/2, 75/4, 475/8.
        double[] out = values(indicator().bind(2, 3, 2, 0.5), 10, 12, 11, 14, 13, 15, 16, 14, 14, 17);
        assertArrayEquals(new double[] {NAN, NAN, NAN, NAN, 0, 50, 75, 37.5, 18.75, 475.0 / 8}, out, 1e-12);
    }

    @Test
    void flatWindowsRepeatTheNeutralStartOfFifty() {
        double[] closes = new double[40];
        java.util.Arrays.fill(closes, 100.0);
        double[] out = values(indicator().bind(3, 6, 4, 0.5), closes);
        int lookback = indicator().lookback(indicator().bind(3, 6, 4, 0.5));
        assertEquals(5 + 6, lookback);
        for (int i = 0; i < closes.length; i++) {
            assertEquals(i < lookback ? NAN : 50.0, out[i], 0.0, "bar " + i);
        }
    }

    @Test
    void acceleratingRiseAfterASwingConvergesToOneHundredAndAcceleratingFallToZero() {
        // A swing first, so the stochastics have a range; then a trend that only accelerates.
        double[] up = new double[400];
        double[] down = new double[400];
        for (int i = 0; i < up.length; i++) {
            double swing = 100.0 + 5.0 * Math.sin(i / 3.0);
            up[i] = i < 100 ? swing : up[99] * Math.pow(1.01, i - 99);
            down[i] = i < 100 ? swing : down[99] - 4.0 * (Math.pow(1.01, i - 99) - 1.0);
        }
        double[] rising = values(indicator().bind(), up);
        double[] falling = values(indicator().bind(), down);
        assertEquals(100.0, rising[up.length - 1], 1e-9);
        assertEquals(0.0, falling[down.length - 1], 1e-9);
    }

    @Test
    void staysWithinZeroAndOneHundred() {
        double[] closes = new double[5_000];
        java.util.Random random = new java.util.Random(7);
        double price = 100;
        for (int i = 0; i < closes.length; i++) {
            price *= Math.exp(0.02 * random.nextGaussian());
            closes[i] = price;
        }
        double[] out = values(indicator().bind(), closes);
        for (int i = indicator().lookback(indicator().bind()); i < out.length; i++) {
            assertTrue(out[i] >= 0.0 && out[i] <= 100.0, "bar " + i + ": " + out[i]);
        }
    }

    @Test
    void rejectsAFastPeriodNotBelowTheSlowOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> indicator().bind(50, 50));
        assertTrue(e.getMessage().contains("'fast' = 50 must be below 'slow' = 50"), e.getMessage());
    }

    @Test
    void streamingStateReportsOnlyItsOneOutput() {
        IndicatorState state = indicator().newState(indicator().bind());
        assertThrows(IndexOutOfBoundsException.class, () -> state.value(1));
    }

    private double[] values(Parameters p, double... closes) {
        BarBatch bars = new BarBatch() {
            @Override
            public int symbolCount() {
                return 1;
            }

            @Override
            public int barCount() {
                return closes.length;
            }

            @Override
            public String symbol(int symbol) {
                return "TEST";
            }

            @Override
            public long timestamp(int bar) {
                return bar * 3_600_000L;
            }

            @Override
            public Column column(PriceField field, int symbol) {
                return Column.of(closes);
            }
        };
        IndicatorOutput out = IndicatorOutput.allocate(1, 1, closes.length);
        indicator().compute(p, bars, out);
        return out.array(0, 0);
    }
}
