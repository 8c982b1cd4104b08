package dev.candela.visualization.density;

import dev.candela.core.data.OhlcvSeries;
import dev.candela.core.data.Timeframe;
import dev.candela.core.market.SyntheticMarket;
import dev.candela.spi.Column;
import dev.candela.spi.PriceField;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CandleAggregationTest {

    @Test
    void mergesRunsOfBarsIntoCandlesComputedByHand() {
        OhlcvSeries series = OhlcvSeries.builder("T").timeframe(Timeframe.M1)
                .append(0, 10, 12, 9, 11, 1)
                .append(60_000, 11, 15, 10, 14, 2)
                .append(120_000, 14, 14, 8, 9, 3)
                .append(180_000, 9, 10, 7, 8, 4)
                .append(240_000, 8, 13, 8, 12, 5)
                .build();
        CandleAggregation.Candles c = CandleAggregation.aggregate(series, 2);
        assertEquals(3, c.barsPerCandle());
        assertArrayEquals(new long[] {0, 180_000}, c.time());
        assertArrayEquals(new double[] {10, 9}, c.open());
        assertArrayEquals(new double[] {15, 13}, c.high());
        assertArrayEquals(new double[] {8, 7}, c.low());
        assertArrayEquals(new double[] {9, 12}, c.close());
        assertArrayEquals(new double[] {6, 9}, c.volume());
    }

    @Test
    void keepsEveryBarWhenThereIsRoom() {
        OhlcvSeries series = SyntheticMarket.defaultDataset().series(0).slice(0, 50);
        CandleAggregation.Candles c = CandleAggregation.aggregate(series, 50);
        assertEquals(1, c.barsPerCandle());
        assertArrayEquals(series.column(PriceField.HIGH).toArray(), c.high());
        assertArrayEquals(series.column(PriceField.LOW).toArray(), c.low());
    }

    @Test
    void keepsTheSeriesHighestHighAndLowestLowExactly() {
        OhlcvSeries series = SyntheticMarket.defaultDataset().series(1);
        CandleAggregation.Candles c = CandleAggregation.aggregate(series, 97);
        assertTrue(c.size() <= 97);
        assertEquals(max(series.column(PriceField.HIGH)), max(Column.of(c.high())));
        assertEquals(-max(negated(series.column(PriceField.LOW))), -max(negated(Column.of(c.low()))));
        assertEquals(series.column(PriceField.OPEN).get(0), c.open()[0]);
        assertEquals(series.column(PriceField.CLOSE).get(series.size() - 1), c.close()[c.size() - 1]);
    }

    private static double max(Column column) {
        double m = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < column.length(); i++) {
            m = Math.max(m, column.get(i));
        }
        return m;
    }

    private static Column negated(Column column) {
        double[] v = column.toArray();
        for (int i = 0; i < v.length; i++) {
            v[i] = -v[i];
        }
        return Column.of(v);
    }
}
