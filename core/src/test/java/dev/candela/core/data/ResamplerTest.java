package dev.candela.core.data;

import dev.candela.core.csv.OhlcvCsvReader;
import dev.candela.spi.PriceField;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResamplerTest {
    private static final long MINUTE = 60_000L;
    private static final long DAY = 86_400_000L;

    private static long at(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    /** Seven one-minute candles from 2021-03-01T00:00Z (rows: open, high, low, close, volume). */
    private static OhlcvSeries sevenMinutes() {
        double[][] rows = {
            {10, 12, 9, 11, 1.5},
            {11, 15, 10, 14, 2.25},
            {14, 14, 8, 9, 0.1},
            {9, 10, 7, 10, 0.2},
            {10, 11, 9, 10.5, 3},
            {10.5, 13, 10, 12, 4},
            {12, 12.5, 11, 11.5, 5},
        };
        OhlcvSeries.Builder builder = OhlcvSeries.builder("X").timeframe(Timeframe.M1);
        long start = at("2021-03-01T00:00:00Z");
        for (int i = 0; i < rows.length; i++) {
            builder.append(start + i * MINUTE, rows[i][0], rows[i][1], rows[i][2], rows[i][3], rows[i][4]);
        }
        return builder.build();
    }

    private static double[] column(OhlcvSeries series, PriceField field) {
        return series.column(field).toArray();
    }

    @Test
    void aggregatesFirstOpenMaxHighMinLowLastCloseAndSummedVolume() {
        ResampledSeries result = Resampler.to(Timeframe.M5).resample(sevenMinutes());
        OhlcvSeries out = result.series();
        assertEquals(2, out.size());
        assertArrayEquals(new long[] {at("2021-03-01T00:00:00Z"), at("2021-03-01T00:05:00Z")}, out.timestamps().toArray());
        assertArrayEquals(new double[] {10, 10.5}, column(out, PriceField.OPEN));
        assertArrayEquals(new double[] {15, 13}, column(out, PriceField.HIGH));
        assertArrayEquals(new double[] {7, 10}, column(out, PriceField.LOW));
        assertArrayEquals(new double[] {10.5, 11.5}, column(out, PriceField.CLOSE));
        // 1.5 + 2.25 + 0.1 + 0.2 + 3 = 7.05 exactly as a decimal.
        assertArrayEquals(new double[] {7.05, 9}, column(out, PriceField.VOLUME));
        assertArrayEquals(new int[] {5, 2}, result.baseBarCounts());
        assertEquals(5, result.barsPerCandle());
        assertTrue(result.isFull(0));
        assertFalse(result.isFull(1));
        assertEquals(1, result.fullCount());
        assertEquals(Timeframe.M1, result.baseTimeframe());
        assertEquals("X", out.symbol());
        assertEquals(Timeframe.M5, out.timeframe().orElseThrow());
    }

    @Test
    void marksTheLastCandleIncompleteWhenItsPeriodEndsAfterTheData() {
        OhlcvSeries out = Resampler.to(Timeframe.M5).resample(sevenMinutes()).series();
        // The data ends with the 00:06 candle, which closes at 00:07; the 00:05 candle runs to 00:10.
        assertTrue(out.isLastIncomplete());
        assertEquals(1, out.completed().size());
    }

    @Test
    void lastCandleIsCompleteWhenTheDataEndsExactlyAtItsClose() {
        OhlcvSeries tenMinutes = sevenMinutes();
        OhlcvSeries.Builder builder = OhlcvSeries.builder("X").timeframe(Timeframe.M1);
        for (int i = 0; i < 10; i++) {
            double p = tenMinutes.column(PriceField.CLOSE).get(i % 7);
            builder.append(i * MINUTE, p, p, p, p, 1);
        }
        OhlcvSeries series = builder.build();
        ResampledSeries result = Resampler.to(Timeframe.M5).resample(series);
        assertFalse(result.series().isLastIncomplete());
        assertEquals(2, result.fullCount());
        // An incomplete last base candle makes the candle holding it incomplete, too.
        assertTrue(Resampler.to(Timeframe.M5).resample(series.withLastIncomplete(true)).series().isLastIncomplete());
    }

    @Test
    void buildsWeeklyCandlesOnMondayBoundaries() {
        // Daily candles from Thursday 2024-04-11 to Tuesday 2024-04-23; day d of the month has open d,
        // high d + 0.5, low d - 0.5, close d + 0.25, volume 1.
        OhlcvSeries.Builder builder = OhlcvSeries.builder("D").timeframe(Timeframe.D1);
        for (int d = 11; d <= 23; d++) {
            builder.append(at("2024-04-11T00:00:00Z") + (d - 11) * DAY, d, d + 0.5, d - 0.5, d + 0.25, 1);
        }
        ResampledSeries result = Resampler.to(Timeframe.W1).resample(builder.build());
        OhlcvSeries weeks = result.series();
        assertArrayEquals(new long[] {at("2024-04-08T00:00:00Z"), at("2024-04-15T00:00:00Z"), at("2024-04-22T00:00:00Z")},
                weeks.timestamps().toArray());
        assertArrayEquals(new double[] {11, 15, 22}, column(weeks, PriceField.OPEN));
        assertArrayEquals(new double[] {14.5, 21.5, 23.5}, column(weeks, PriceField.HIGH));
        assertArrayEquals(new double[] {10.5, 14.5, 21.5}, column(weeks, PriceField.LOW));
        assertArrayEquals(new double[] {14.25, 21.25, 23.25}, column(weeks, PriceField.CLOSE));
        assertArrayEquals(new double[] {4, 7, 2}, column(weeks, PriceField.VOLUME));
        assertArrayEquals(new int[] {4, 7, 2}, result.baseBarCounts());
        assertEquals(7, result.barsPerCandle());
        assertTrue(weeks.isLastIncomplete());
    }

    @Test
    void candlesAroundGapsHoldFewerBaseCandles() {
        long h = Timeframe.H1.millis();
        OhlcvSeries.Builder builder = OhlcvSeries.builder("G").timeframe(Timeframe.H1);
        for (int hour : new int[] {0, 1, 2, 3, 4, 7, 8, 9, 10, 11}) {
            builder.append(hour * h, hour, hour + 1, hour - 1, hour, 1);
        }
        ResampledSeries result = Resampler.to(Timeframe.H4).resample(builder.build());
        assertArrayEquals(new int[] {4, 2, 4}, result.baseBarCounts());
        assertArrayEquals(new double[] {0, 4, 8}, column(result.series(), PriceField.OPEN));
        assertArrayEquals(new double[] {3, 7, 11}, column(result.series(), PriceField.CLOSE));
        assertFalse(result.series().isLastIncomplete());
    }

    @Test
    void sumsVolumesAsDecimalsRatherThanBinaryDoubles() {
        OhlcvSeries series = OhlcvSeries.builder("V").timeframe(Timeframe.M1)
                .append(0, 1, 1, 1, 1, 0.1)
                .append(MINUTE, 1, 1, 1, 1, 0.2)
                .build();
        // 0.1 + 0.2 is 0.30000000000000004 in binary arithmetic.
        assertEquals(0.3, Resampler.to(Timeframe.M5).resample(series).series().column(PriceField.VOLUME).get(0));
    }

    @Test
    void resamplingToTheSameTimeframeCopiesTheCandles() {
        OhlcvSeries series = sevenMinutes();
        ResampledSeries result = Resampler.to(Timeframe.M1).resample(series);
        assertEquals(series, result.series());
        assertEquals(7, result.fullCount());
    }

    @Test
    void rejectsASmallerTargetTimeframe() {
        OhlcvSeries hourly = OhlcvSeries.builder("H").timeframe(Timeframe.H1).append(0, 1, 1, 1, 1, 1).build();
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Resampler.to(Timeframe.M5).resample(hourly));
        assertEquals("Cannot resample 1h candles to 5m: 5m is smaller than 1h, and resampling only aggregates"
                + " to larger timeframes", error.getMessage());
    }

    @Test
    void rejectsATargetThatIsNoWholeMultiple() {
        OhlcvSeries threeMinutes = OhlcvSeries.builder("T").timeframe(Timeframe.M3).append(0, 1, 1, 1, 1, 1).build();
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Resampler.to(Timeframe.M5).resample(threeMinutes));
        assertEquals("Cannot resample 3m candles to 5m: 5m is not a whole multiple of 3m", error.getMessage());
        OhlcvSeries fourHours = OhlcvSeries.builder("F").timeframe(Timeframe.H4).append(0, 1, 1, 1, 1, 1).build();
        assertThrows(IllegalArgumentException.class, () -> Resampler.to(Timeframe.H6).resample(fourHours));
    }

    @Test
    void detectsAnUnknownBaseTimeframeFromTheData() {
        OhlcvSeries unknown = sevenMinutes().withTimeframe(null);
        ResampledSeries result = Resampler.to(Timeframe.M5).resample(unknown);
        assertEquals(Timeframe.M1, result.baseTimeframe());
        assertEquals(Resampler.to(Timeframe.M5).resample(sevenMinutes()).series(), result.series());

        OhlcvSeries odd = OhlcvSeries.builder("O").append(0, 1, 1, 1, 1, 1).append(7_000, 1, 1, 1, 1, 1).build();
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Resampler.to(Timeframe.M5).resample(odd));
        assertTrue(error.getMessage().contains("7000 ms") && error.getMessage().contains("set the timeframe"),
                error.getMessage());
    }

    @Test
    void resamplesAnEmptySeriesToAnEmptySeries() {
        OhlcvSeries empty = OhlcvSeries.builder("E").timeframe(Timeframe.M1).build();
        ResampledSeries result = Resampler.to(Timeframe.H1).resample(empty);
        assertEquals(0, result.series().size());
        assertFalse(result.series().isLastIncomplete());
    }

    @Test
    void resamplesEverySymbolOfABatch() {
        OhlcvSeries a = sevenMinutes().withSymbol("A");
        OhlcvSeries b = sevenMinutes().slice(2, 7).withSymbol("B");
        SymbolBatch batch = Resampler.to(Timeframe.M5).resample(SymbolBatch.align(List.of(a, b)));
        assertEquals(2, batch.barCount());
        assertEquals(Resampler.to(Timeframe.M5).resample(a).series(), batch.series(0));
        assertEquals(Resampler.to(Timeframe.M5).resample(b).series(), batch.series(1));
        assertEquals(14.0, batch.column(PriceField.OPEN, 1).get(0));
    }

    @Test
    void realMinuteCandlesResampleExactlyToBinancesHourlyCandles() throws IOException {
        OhlcvSeries minutes = OhlcvCsvReader.withDefaults().readSeries(SharedData.file(SharedData.BTC_1M));
        OhlcvSeries hours = OhlcvCsvReader.withDefaults().readSeries(SharedData.file(SharedData.BTC_1H));
        ResampledSeries result = Resampler.to(Timeframe.H1).resample(minutes);
        OhlcvSeries resampled = result.series();

        int compared = 0;
        for (int i = 0; i < resampled.size(); i++) {
            if (result.baseBarCount(i) != 60) {
                continue;
            }
            int j = hours.indexOf(resampled.timestamp(i));
            assertTrue(j >= 0, "hour " + Instant.ofEpochMilli(resampled.timestamp(i)) + " missing in the hourly file");
            for (PriceField field : PriceField.values()) {
                assertEquals(hours.column(field).get(j), resampled.column(field).get(i),
                        field + " at " + Instant.ofEpochMilli(resampled.timestamp(i)));
            }
            compared++;
        }
        assertEquals(1_100, compared); // the complete hours the data README counts
        assertEquals(1_100, result.fullCount());
        // The file starts at 22:15 and ends at 21:01, so both edge hours are partial; the last one unfinished.
        assertEquals(45, result.baseBarCount(0));
        assertEquals(2, result.baseBarCount(resampled.size() - 1));
        assertTrue(resampled.isLastIncomplete());
    }

    @Test
    void resamplingInTwoStepsEqualsResamplingInOneOnRealData() throws IOException {
        OhlcvSeries minutes = OhlcvCsvReader.withDefaults().readSeries(SharedData.file(SharedData.ETH_1M));
        ResampledSeries direct = Resampler.to(Timeframe.H4).resample(minutes);
        OhlcvSeries viaHours = Resampler.to(Timeframe.H4)
                .resample(Resampler.to(Timeframe.H1).resample(minutes).series()).series();
        // Decimal volume sums are exact, so the order of addition cannot matter.
        assertEquals(direct.series(), viaHours);
        int total = 0;
        for (int count : direct.baseBarCounts()) {
            total += count;
        }
        assertEquals(minutes.size(), total);
    }
}
