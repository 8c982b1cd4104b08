package dev.candela.cpu.window;

import dev.candela.spi.Indicator;
import dev.candela.tck.IndicatorKit;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The compliance kit plus hand-computed values for the causal Ichimoku. */
class IchimokuTest extends IndicatorKit {
    private static final double NaN = Double.NaN;
    private final Indicator ichimoku = new Ichimoku();

    @Override
    protected Indicator indicator() {
        return ichimoku;
    }

    @Override
    protected List<double[]> parameterSets() {
        return List.of(new double[] {9, 26, 52}, new double[] {20, 60, 120}, new double[] {2, 1, 3});
    }

    @Test
    void lookbackIsTheLongestWindowPlusTheDisplacement() {
        assertEquals(52 - 1 + 26, ichimoku.lookback(ichimoku.bind()));
        assertEquals(60 - 1 + 30, ichimoku.lookback(ichimoku.bind(60, 30, 10)));
    }

    /**
     * tenkan 2, kijun 3 (displacement 3), senkou B 4: lookback 6. Worked by hand:
     * tenkan(6) = (16 + 12) / 2 = 14, kijun(6) = (16 + 11) / 2 = 13.5;
     * senkou A(6) = (tenkan(3) + kijun(3)) / 2 = (10.5 + 10.5) / 2 = 10.5, senkou B(6) = (14 + 7) / 2 at bar 3;
     * chikou(6) = close(6) - close(3) = 14 - 13.
     */
    @Test
    void displacesTheSpansForwardAndMeasuresTheChikouAgainstThePastClose() {
        HandBars bars = new HandBars()
                .bar(10, 8, 9, 1)
                .bar(12, 9, 11, 1)
                .bar(11, 7, 8, 1)
                .bar(14, 10, 13, 1)
                .bar(13, 11, 12, 1)
                .bar(16, 12, 15, 1)
                .bar(15, 13, 14, 1)
                .bar(18, 14, 17, 1)
                .bar(17, 12, 13, 1);
        double[][] expected = {
                {NaN, NaN, NaN, NaN, NaN, NaN, 14, 15.5, 15},
                {NaN, NaN, NaN, NaN, NaN, NaN, 13.5, 15, 15},
                {NaN, NaN, NaN, NaN, NaN, NaN, 10.5, 11.25, 13.25},
                {NaN, NaN, NaN, NaN, NaN, NaN, 10.5, 10.5, 11.5},
                {NaN, NaN, NaN, NaN, NaN, NaN, 1, 5, -2}};
        double[][] batch = bars.compute(ichimoku, ichimoku.bind(2, 3, 4));
        double[][] streamed = bars.stream(ichimoku, ichimoku.bind(2, 3, 4));
        for (int k = 0; k < expected.length; k++) {
            assertArrayEquals(expected[k], batch[k], "batch " + ichimoku.outputs().get(k));
            assertArrayEquals(expected[k], streamed[k], "streaming " + ichimoku.outputs().get(k));
        }
    }

    @Test
    void aLaterBarNeverChangesAnEarlierRow() {
        HandBars base = new HandBars();
        HandBars shocked = new HandBars();
        for (int i = 0; i < 12; i++) {
            base.bar(10 + i, 8 + i, 9 + i, 1);
            shocked.bar(10 + i, 8 + i, 9 + i, 1);
        }
        base.bar(30, 29, 29.5, 1);
        shocked.bar(300, 1, 2, 1);
        double[][] a = base.compute(ichimoku, ichimoku.bind(2, 3, 4));
        double[][] b = shocked.compute(ichimoku, ichimoku.bind(2, 3, 4));
        for (int k = 0; k < a.length; k++) {
            for (int i = 0; i < 12; i++) {
                assertEquals(a[k][i], b[k][i], ichimoku.outputs().get(k) + " at bar " + i);
            }
        }
    }
}
