package dev.candela.core.data;

import dev.candela.spi.Column;
import dev.candela.spi.PriceField;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OhlcvSeriesTest {
    private static final long MINUTE = 60_000L;

    /** Candle i opens at minute i with open i, high i + 2, low i - 1, close i + 1, volume 10 i. */
    private static OhlcvSeries ramp(int n) {
        OhlcvSeries.Builder builder = OhlcvSeries.builder("RAMP").timeframe(Timeframe.M1);
        for (int i = 0; i < n; i++) {
            builder.append(i * MINUTE, i, i + 2, i - 1, i + 1, 10.0 * i);
        }
        return builder.build();
    }

    @Test
    void builderGrowsPastItsInitialCapacityAndTrimsTheArrays() {
        OhlcvSeries series = ramp(5_000);
        assertEquals(5_000, series.size());
        assertEquals(5_000, series.column(PriceField.CLOSE).array().length);
        assertEquals(5_000, series.timestamps().array().length);
        assertEquals(4_999 * MINUTE, series.timestamp(4_999));
        assertEquals(5_000.0, series.column(PriceField.CLOSE).get(4_999));
        assertEquals(49_990.0, series.column(PriceField.VOLUME).get(4_999));
    }

    @Test
    void builderStartsEmptyAgainAfterBuild() {
        OhlcvSeries.Builder builder = OhlcvSeries.builder("X");
        builder.append(0, 1, 1, 1, 1, 1);
        OhlcvSeries first = builder.build();
        assertEquals(0, builder.size());
        builder.append(-5, 2, 2, 2, 2, 2);
        OhlcvSeries second = builder.build();
        assertEquals(1, first.size());
        assertEquals(-5, second.timestamp(0));
        assertEquals(1.0, first.column(PriceField.OPEN).get(0));
    }

    @Test
    void builderRejectsTimesThatDoNotIncrease() {
        OhlcvSeries.Builder builder = OhlcvSeries.builder("X").append(MINUTE, 1, 1, 1, 1, 1);
        assertThrows(IllegalArgumentException.class, () -> builder.append(MINUTE, 1, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> builder.append(0, 1, 1, 1, 1, 1));
        assertEquals(1, builder.size());
        assertEquals(MINUTE, builder.lastTimestamp());
    }

    @Test
    void ofCopiesTheGivenArraysAndChecksThem() {
        long[] t = {0, MINUTE};
        double[] close = {1, 2};
        OhlcvSeries series = OhlcvSeries.of("X", null, t, close, close, close, close, close);
        close[0] = 99;
        t[0] = -1;
        assertEquals(1.0, series.column(PriceField.CLOSE).get(0));
        assertEquals(0, series.timestamp(0));
        assertEquals(Optional.empty(), series.timeframe());
        assertThrows(IllegalArgumentException.class,
                () -> OhlcvSeries.of("X", null, new long[] {0, 0}, close, close, close, close, close));
        assertThrows(IllegalArgumentException.class,
                () -> OhlcvSeries.of("X", null, new long[] {0}, close, close, close, close, close));
    }

    @Test
    void columnsAndSlicesAreViewsOnTheSameArrays() {
        OhlcvSeries series = ramp(100);
        OhlcvSeries slice = series.slice(10, 20);
        Column close = slice.column(PriceField.CLOSE);
        assertSame(series.column(PriceField.CLOSE).array(), close.array());
        assertEquals(10, close.offset());
        assertEquals(10, close.length());
        assertEquals(11.0, close.get(0));
        assertEquals(10 * MINUTE, slice.timestamp(0));
        assertSame(series.timestamps().array(), slice.timestamps().array());
        assertArrayEquals(new long[] {10 * MINUTE, 11 * MINUTE}, slice.timestamps().slice(0, 2).toArray());
        assertEquals(Optional.of(Timeframe.M1), slice.timeframe());
        assertThrows(IndexOutOfBoundsException.class, () -> slice.timestamp(10));
        assertThrows(IndexOutOfBoundsException.class, () -> series.slice(5, 101));
    }

    @Test
    void indexOfFindsCandlesByOpenTimeRelativeToTheView() {
        OhlcvSeries slice = ramp(100).slice(10, 20);
        assertEquals(0, slice.indexOf(10 * MINUTE));
        assertEquals(9, slice.indexOf(19 * MINUTE));
        assertEquals(-1, slice.indexOf(5 * MINUTE));
        assertEquals(-11, slice.indexOf(25 * MINUTE));
        assertEquals(-2, slice.indexOf(10 * MINUTE + 1));
    }

    @Test
    void incompleteMarkFollowsTheLastCandle() {
        OhlcvSeries series = ramp(10).withLastIncomplete(true);
        assertTrue(series.isLastIncomplete());
        assertTrue(series.slice(3, 10).isLastIncomplete());
        assertFalse(series.slice(3, 9).isLastIncomplete());
        OhlcvSeries completed = series.completed();
        assertEquals(9, completed.size());
        assertFalse(completed.isLastIncomplete());
        OhlcvSeries plain = ramp(10);
        assertSame(plain, plain.completed());
        assertFalse(ramp(0).withLastIncomplete(true).isLastIncomplete());
    }

    @Test
    void actsAsABatchOfOneSymbolWithEveryBarPresent() {
        OhlcvSeries series = ramp(5);
        assertEquals(1, series.symbolCount());
        assertEquals(5, series.barCount());
        assertEquals("RAMP", series.symbol(0));
        assertEquals(3.0, series.column(PriceField.OPEN, 0).get(3));
        assertTrue(series.hasBar(0, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> series.symbol(1));
        assertThrows(IndexOutOfBoundsException.class, () -> series.column(PriceField.OPEN, 1));
    }

    @Test
    void equalsComparesContentNotStorage() {
        OhlcvSeries a = ramp(50).slice(5, 15);
        OhlcvSeries b = ramp(15).slice(5, 15);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, b.withSymbol("OTHER"));
        assertNotEquals(a, b.withTimeframe(Timeframe.M5));
        assertNotEquals(a, b.withLastIncomplete(true));
        assertNotEquals(a, ramp(50).slice(5, 16));
    }

    @Test
    void toStringNamesSymbolTimeframeAndRange() {
        assertEquals("OhlcvSeries[RAMP 1m, 2 bars, 1970-01-01T00:00:00Z .. 1970-01-01T00:01:00Z]", ramp(2).toString());
    }
}
