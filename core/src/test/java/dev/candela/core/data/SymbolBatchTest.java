package dev.candela.core.data;

import dev.candela.core.csv.OhlcvCsvReader;
import dev.candela.spi.Column;
import dev.candela.spi.PriceField;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SymbolBatchTest {
    private static final long H = Timeframe.H1.millis();

    /** A series whose close at hour t is {@code base + t}. */
    private static OhlcvSeries hours(String symbol, double base, int... hours) {
        OhlcvSeries.Builder builder = OhlcvSeries.builder(symbol).timeframe(Timeframe.H1);
        for (int hour : hours) {
            double close = base + hour;
            builder.append(hour * H, close, close + 1, close - 1, close, hour);
        }
        return builder.build();
    }

    @Test
    void barsPresentCountsEachViewWithAndWithoutHoles() {
        OhlcvSeries full = hours("F", 100, 0, 1, 2, 3, 4, 5);
        OhlcvSeries holey = hours("H", 200, 0, 2, 3, 5);
        SymbolBatch batch = SymbolBatch.align(List.of(full, holey));

        assertEquals(6, batch.barsPresent(0));
        assertEquals(4, batch.barsPresent(1));
        SymbolBatch middle = batch.slice(1, 4);
        assertEquals(3, middle.barsPresent(0));
        assertEquals(2, middle.barsPresent(1), "bars 2 and 3");
        SymbolBatch holeyOnly = batch.symbolSlice(1, 2).slice(2, 4);
        assertEquals(2, holeyOnly.barsPresent(0), "a slice without holes of a symbol that has some");
        assertEquals(0, batch.symbolSlice(1, 2).slice(1, 2).barsPresent(0));
    }

    @Test
    void alignsOnTheSortedUnionOfTimesWithNanAndMaskAtHoles() {
        OhlcvSeries a = hours("A", 100, 0, 1, 3);
        OhlcvSeries b = hours("B", 200, 1, 2, 3, 4);
        SymbolBatch batch = SymbolBatch.align(List.of(a, b));

        assertEquals(2, batch.symbolCount());
        assertEquals(5, batch.barCount());
        assertArrayEquals(new long[] {0, H, 2 * H, 3 * H, 4 * H}, batch.timestamps().toArray());
        assertArrayEquals(new double[] {100, 101, Double.NaN, 103, Double.NaN},
                batch.column(PriceField.CLOSE, 0).toArray());
        assertArrayEquals(new double[] {Double.NaN, 201, 202, 203, 204}, batch.column(PriceField.CLOSE, 1).toArray());
        boolean[] aPresent = {true, true, false, true, false};
        for (int bar = 0; bar < 5; bar++) {
            assertEquals(aPresent[bar], batch.hasBar(0, bar), "bar " + bar);
            assertEquals(bar > 0, batch.hasBar(1, bar), "bar " + bar);
        }
        assertEquals(3, batch.barsPresent(0));
        assertEquals(4, batch.barsPresent(1));
        assertEquals(List.of("A", "B"), batch.symbols());
        assertEquals(1, batch.indexOf("B"));
        assertEquals(-1, batch.indexOf("C"));
        assertEquals(Optional.of(Timeframe.H1), batch.timeframe());
    }

    @Test
    void givesEachSymbolBackWithoutTheHoles() {
        OhlcvSeries a = hours("A", 100, 0, 1, 3).withLastIncomplete(true);
        OhlcvSeries b = hours("B", 200, 1, 2, 3, 4);
        SymbolBatch batch = SymbolBatch.align(List.of(a, b));
        assertEquals(a, batch.series(0));
        assertEquals(b, batch.series("B"));
        assertTrue(batch.isLastIncomplete(0));
        assertThrows(IllegalArgumentException.class, () -> batch.series("C"));
    }

    @Test
    void symbolSliceIsAViewOfARangeOfSymbols() {
        SymbolBatch batch = SymbolBatch.align(List.of(hours("A", 100, 0, 1), hours("B", 200, 1, 2),
                hours("C", 300, 0, 2)));
        SymbolBatch slice = batch.symbolSlice(1, 3);
        assertEquals(2, slice.symbolCount());
        assertEquals(3, slice.barCount());
        assertEquals("B", slice.symbol(0));
        assertEquals("C", slice.symbol(1));
        Column c = slice.column(PriceField.CLOSE, 1);
        assertSame(batch.column(PriceField.CLOSE, 2).array(), c.array());
        assertEquals(batch.column(PriceField.CLOSE, 2).offset(), c.offset());
        assertArrayEquals(new double[] {300, Double.NaN, 302}, c.toArray());
        assertFalse(slice.hasBar(0, 0));
        assertEquals(hours("C", 300, 0, 2), slice.series(1));
        assertThrows(IndexOutOfBoundsException.class, () -> slice.symbol(2));
    }

    @Test
    void barSliceCutsEverySymbolAndDropsIncompleteMarksOutsideIt() {
        OhlcvSeries a = hours("A", 100, 0, 1, 2, 3).withLastIncomplete(true);
        SymbolBatch batch = SymbolBatch.align(List.of(a, hours("B", 200, 0, 1, 2, 3)));
        SymbolBatch early = batch.slice(1, 3);
        assertArrayEquals(new long[] {H, 2 * H}, early.timestamps().toArray());
        assertArrayEquals(new double[] {201, 202}, early.column(PriceField.CLOSE, 1).toArray());
        assertFalse(early.isLastIncomplete(0));
        assertEquals(a.slice(1, 3).withLastIncomplete(false), early.series(0));
        assertTrue(batch.slice(2, 4).isLastIncomplete(0));
    }

    @Test
    void rejectsTheSameSymbolTwice() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SymbolBatch.align(List.of(hours("A", 1, 0), hours("A", 2, 1))));
        assertEquals("Symbol A appears more than once", error.getMessage());
    }

    @Test
    void mixedTimeframesHaveNoCommonTimeframe() {
        SymbolBatch batch = SymbolBatch.align(List.of(hours("A", 1, 0), hours("B", 1, 0).withTimeframe(Timeframe.H4)));
        assertEquals(Optional.empty(), batch.timeframe());
        assertEquals(0, SymbolBatch.align(List.of()).barCount());
    }

    @Test
    void alignsManySymbolsOnIdenticalAndShiftedGrids() {
        List<OhlcvSeries> series = new java.util.ArrayList<>();
        for (int s = 0; s < 9; s++) {
            int[] hoursOfSymbol = new int[20];
            for (int i = 0; i < 20; i++) {
                hoursOfSymbol[i] = s % 3 + 2 * i; // three different grids: even, odd and even shifted
            }
            series.add(hours("S" + s, s * 100, hoursOfSymbol));
        }
        SymbolBatch batch = SymbolBatch.align(series);
        assertEquals(41, batch.barCount()); // hours 0..40
        for (int s = 0; s < 9; s++) {
            assertEquals(series.get(s), batch.series(s));
        }
    }

    @Test
    void alignsTheRealBtcAndEthHourlyFilesOnTheirUnion() throws IOException {
        OhlcvSeries btc = OhlcvCsvReader.withDefaults().readSeries(SharedData.file(SharedData.BTC_1H));
        OhlcvSeries eth = OhlcvCsvReader.withDefaults().readSeries(SharedData.file(SharedData.ETH_1H));
        SymbolBatch batch = SymbolBatch.align(List.of(btc, eth));
        // The data README: 62,482 and 45,344 rows sharing 41,148 timestamps.
        assertEquals(62_482 + 45_344 - 41_148, batch.barCount());
        assertEquals(62_482, batch.barsPresent(0));
        assertEquals(45_344, batch.barsPresent(1));
        assertEquals(btc, batch.series(0));
        assertEquals(eth, batch.series(1));
    }

    @Test
    void theTwoRealMinuteFilesShareEveryTimestamp() throws IOException {
        OhlcvSeries btc = OhlcvCsvReader.withDefaults().readSeries(SharedData.file(SharedData.BTC_1M));
        OhlcvSeries eth = OhlcvCsvReader.withDefaults().readSeries(SharedData.file(SharedData.ETH_1M));
        SymbolBatch batch = SymbolBatch.align(List.of(btc, eth));
        assertEquals(66_087, batch.barCount());
        assertEquals(66_087, batch.barsPresent(0));
        assertEquals(66_087, batch.barsPresent(1));
    }
}
