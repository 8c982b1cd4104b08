package dev.candela.core.features;

import dev.candela.core.data.OhlcvSeries;
import dev.candela.core.data.Timeframe;
import dev.candela.core.features.cache.FeatureCache;
import dev.candela.core.features.cache.Precision;
import dev.candela.core.registry.PluginRegistry;
import dev.candela.core.registry.UnknownIdException;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeaturePipelineTest {
    private static final double NaN = Double.NaN;

    private final PluginRegistry registry = PluginRegistry.of(List.of(new FeatureTestPlugin()));
    private final CountingBackend backend = new CountingBackend();

    private FeaturePipeline.Builder pipeline() {
        return FeaturePipeline.builder(registry, backend);
    }

    @Test
    void mergesHigherTimeframeValuesOntoBaseRowsAtOpenPlusHigherMinusBase() {
        // Closes 1..12 on hours 00..11: 4h candles close at 4, 8 and 12 and attach at rows 3, 7 and 11.
        FeatureFrame frame = pipeline().timeframes(Timeframe.H1, Timeframe.H4).indicators("echo")
                .indicators(Timeframe.H4, "runsum(2)").build().compute(Bars.countingHours(12));

        assertEquals(List.of("1h:echo.open", "1h:echo.close", "4h:echo.open", "4h:echo.close",
                "4h:runsum(2,2).sum", "4h:runsum(2,2).scaled"), frame.featureNames());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, frame.feature("1h:echo.close").toArray());
        assertArrayEquals(new double[] {NaN, NaN, NaN, 4, 4, 4, 4, 8, 8, 8, 8, 12},
                frame.feature("4h:echo.close").toArray());
        // The 4h open is the open of its first hour: close - 0.5 of hours 00, 04, 08.
        assertArrayEquals(new double[] {NaN, NaN, NaN, 0.5, 0.5, 0.5, 0.5, 4.5, 4.5, 4.5, 4.5, 8.5},
                frame.feature("4h:echo.open").toArray());
        // runsum(2) over the 4h closes 4, 8, 12 is NaN, 12, 20; doubled for .scaled.
        assertArrayEquals(new double[] {NaN, NaN, NaN, NaN, NaN, NaN, NaN, 12, 12, 12, 12, 20},
                frame.feature("4h:runsum(2,2).sum").toArray());
        assertArrayEquals(new double[] {NaN, NaN, NaN, NaN, NaN, NaN, NaN, 24, 24, 24, 24, 40},
                frame.feature("4h:runsum(2,2).scaled").toArray());
        assertEquals(7, frame.warmUpRows());
    }

    @Test
    void unfinishedHigherCandleNeverAppears() {
        // Hours 00..05: the 4h candle 04:00 holds two of its four hours and must not show on rows 4 and 5.
        FeatureFrame frame = pipeline().timeframes(Timeframe.H1, Timeframe.H4).indicators("echo").build()
                .compute(Bars.countingHours(6));
        assertArrayEquals(new double[] {NaN, NaN, NaN, 4, 4, 4}, frame.feature("4h:echo.close").toArray());
    }

    @Test
    void dayOverHourWithAGapShowsEachDayFromTwentyThreeOrTheFirstBarAfter() {
        // Day 1 complete except hour 23 (a gap), day 2 complete, day 3 two hours: day 1 must appear on the
        // first bar after 23:00 of day 1, i.e. day 2's 00:00 bar; day 2 at its own 23:00 bar.
        int[] hours = new int[49];
        double[] closes = new double[49];
        int k = 0;
        for (int h = 0; h < 50; h++) {
            if (h == 23) {
                continue;
            }
            hours[k] = h;
            closes[k] = 100 + h;
            k++;
        }
        FeatureFrame frame = pipeline().timeframes(Timeframe.H1, Timeframe.D1).indicators("echo").build()
                .compute(Bars.hourly("GAP", hours, closes));
        double[] day = frame.feature("1d:echo.close").toArray();
        for (int row = 0; row < 49; row++) {
            int hour = hours[row];
            double expected = hour < 24 ? NaN : hour < 47 ? 122 : 147; // day 1 closes at hour 22, day 2 at 47
            assertEquals(expected, day[row], "row at hour " + hour);
        }
    }

    @Test
    void weightedColumnAveragesTimeframesWithNormalisedWeights() {
        Map<Timeframe, Double> weights = new LinkedHashMap<>();
        weights.put(Timeframe.H1, 3.0);
        weights.put(Timeframe.H4, 1.0);
        FeatureFrame frame = pipeline().timeframes(Timeframe.H1, Timeframe.H4).indicators("echo")
                .weighted("echo.close", weights).build().compute(Bars.countingHours(8));
        assertEquals("mtf:echo.close", frame.featureNames().get(frame.featureNames().size() - 1));
        // (3 * close_1h + 1 * close_4h) / 4: rows 3..6 carry the 4h close 4, row 7 the close 8.
        assertArrayEquals(new double[] {NaN, NaN, NaN, (12 + 4) / 4.0, (15 + 4) / 4.0, (18 + 4) / 4.0,
                (21 + 4) / 4.0, (24 + 8) / 4.0}, frame.feature("mtf:echo.close").toArray());
    }

    @Test
    void weightedColumnMustBeComputedOnEveryWeightedTimeframe() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pipeline()
                .timeframes(Timeframe.H1, Timeframe.H4).indicators("echo").indicators(Timeframe.H4, "smooth(3)")
                .weighted("smooth(3)", Map.of(Timeframe.H1, 1.0, Timeframe.H4, 1.0)).build());
        assertTrue(e.getMessage().contains("smooth(3)") && e.getMessage().contains("1h"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> pipeline().indicators("echo")
                .weighted("echo.close", Map.of(Timeframe.H1, -1.0)));
        assertThrows(IllegalArgumentException.class, () -> pipeline().timeframes(Timeframe.H1).indicators("echo")
                .weighted("echo.close", Map.of(Timeframe.D1, 1.0)).build());
    }

    @Test
    void baseTimeframeColumnsCarryTheBasePrefixWithoutTimeframes() {
        FeatureFrame frame = pipeline().indicators("smooth(3)").build().compute(Bars.countingHours(5));
        assertEquals(List.of("1h:smooth(3)"), frame.featureNames());
        // Seed (1+2+3)/3 = 2, then 2 + 0.5 * (4 - 2) = 3, then 3 + 0.5 * (5 - 3) = 4.
        assertArrayEquals(new double[] {NaN, NaN, 2, 3, 4}, frame.feature(0).toArray());
    }

    @Test
    void timeframeSmallerThanTheBaseIsRejected() {
        FeaturePipeline p = pipeline().timeframes(Timeframe.M30, Timeframe.H1).indicators("echo").build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> p.compute(Bars.countingHours(4)));
        assertTrue(e.getMessage().contains("30m"), e.getMessage());
    }

    @Test
    void unknownIndicatorFailsAtBuildWithSuggestions() {
        UnknownIdException e = assertThrows(UnknownIdException.class,
                () -> pipeline().indicators("smoth(3)").build());
        assertTrue(e.suggestions().contains("smooth"), e.getMessage());
    }

    @Test
    void incompleteLastBaseCandleIsLeftOut() {
        OhlcvSeries series = Bars.countingHours(6).withLastIncomplete(true);
        FeatureFrame frame = pipeline().indicators("echo").build().compute(series);
        assertEquals(5, frame.rowCount());
        assertEquals(5, frame.feature("1h:echo.close").get(4));
    }

    @Test
    void symbolsSharingTheirTimesAreComputedAsOneBatchWithTheSameValues() {
        OhlcvSeries a = Bars.countingHours(40);
        double[] closes = new double[40];
        int[] hours = new int[40];
        for (int i = 0; i < 40; i++) {
            hours[i] = i;
            closes[i] = 50 + 3 * Math.sin(i);
        }
        OhlcvSeries b = Bars.hourly("WAVE", hours, closes);
        FeaturePipeline p = pipeline().timeframes(Timeframe.H1, Timeframe.H4).indicators("smooth(3),runsum(4)").build();

        List<FeatureFrame> both = p.computeAll(List.of(a, b));
        assertEquals(2, backend.calls.size(), "one batch per timeframe: " + backend.calls);
        assertTrue(backend.calls.stream().allMatch(c -> c.symbols() == 2), backend.calls.toString());

        FeatureFrame aloneA = p.compute(a);
        FeatureFrame aloneB = p.compute(b);
        for (String name : aloneA.featureNames()) {
            assertArrayEquals(aloneA.feature(name).toArray(), both.get(0).feature(name).toArray(), name);
            assertArrayEquals(aloneB.feature(name).toArray(), both.get(1).feature(name).toArray(), name);
        }
        assertEquals("WAVE", both.get(1).symbol());
    }

    @Test
    void symbolsWithDifferentTimesAreComputedOneByOne() {
        OhlcvSeries a = Bars.countingHours(12);
        OhlcvSeries b = Bars.hourly("LATE", new int[] {4, 5, 6, 7, 8, 9, 10, 11}, new double[] {1, 2, 3, 4, 5, 6, 7, 8});
        List<FeatureFrame> frames = pipeline().timeframes(Timeframe.H1, Timeframe.H4).indicators("echo").build()
                .computeAll(List.of(a, b));
        assertTrue(backend.calls.stream().allMatch(c -> c.symbols() == 1), backend.calls.toString());
        assertArrayEquals(new double[] {NaN, NaN, NaN, 4, 4, 4, 4, 8}, frames.get(1).feature("4h:echo.close").toArray());
    }

    @Test
    void symbolsOfDifferentBaseTimeframesAreRejected() {
        OhlcvSeries hourly = Bars.countingHours(4);
        OhlcvSeries minutes = Bars.at("M", Timeframe.M1, new int[] {0, 1, 2}, new double[] {1, 2, 3});
        assertThrows(IllegalArgumentException.class,
                () -> pipeline().indicators("echo").build().computeAll(List.of(hourly, minutes)));
    }

    @Test
    void secondComputationOfTheSameDataIsServedFromTheCache() {
        FeatureCache cache = FeatureCache.withMaxBytes(1 << 20);
        FeaturePipeline p = pipeline().timeframes(Timeframe.H1, Timeframe.H4).indicators("echo,smooth(3)")
                .cache(cache).build();
        FeatureFrame first = p.compute(Bars.countingHours(24));
        int callsAfterFirst = backend.calls.size();
        FeatureFrame second = p.compute(Bars.countingHours(24));

        assertEquals(2, callsAfterFirst);
        assertEquals(callsAfterFirst, backend.calls.size(), "nothing is computed again");
        assertEquals(4, cache.stats().misses(), "2 timeframes x 2 indicators");
        assertEquals(4, cache.stats().hits());
        for (int c = 0; c < first.featureNames().size(); c++) {
            assertSame(first.feature(c).array(), second.feature(c).array(), "a hit shares the cached array");
        }
    }

    @Test
    void cacheKeysSeparateDataBackendAndPrecision() {
        FeatureCache cache = FeatureCache.withMaxBytes(1 << 20);
        pipeline().indicators("smooth(3)").cache(cache).build().compute(Bars.countingHours(10));
        pipeline().indicators("smooth(3)").cache(cache).build().compute(Bars.countingHours(11));
        pipeline().indicators("smooth(3)").cache(cache).precision(Precision.FLOAT).build()
                .compute(Bars.countingHours(10));
        FeaturePipeline.builder(registry, new CountingBackend("gpu")).indicators("smooth(3)").cache(cache).build()
                .compute(Bars.countingHours(10));
        pipeline().indicators("smooth(3)").cache(cache).build().compute(Bars.countingHours(10).withSymbol("OTHER"));
        assertEquals(4, cache.stats().misses(), "new data, float precision and the gpu backend each miss");
        assertEquals(1, cache.stats().hits(), "the same candles under another name hit");
    }

    @Test
    void withoutCacheComputesAfresh() {
        FeatureCache cache = FeatureCache.withMaxBytes(1 << 20);
        FeaturePipeline cached = pipeline().indicators("echo").cache(cache).build();
        FeaturePipeline uncached = cached.withoutCache();
        uncached.compute(Bars.countingHours(5));
        uncached.compute(Bars.countingHours(5));
        assertEquals(2, backend.calls.size());
        assertEquals(0, cache.size());
        assertTrue(uncached.cache().isEmpty());
    }
}
