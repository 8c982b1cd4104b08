package dev.candela.core.features;

import dev.candela.core.csv.OhlcvCsvReader;
import dev.candela.core.data.LongColumn;
import dev.candela.core.data.OhlcvSeries;
import dev.candela.core.data.Resampler;
import dev.candela.core.data.SharedData;
import dev.candela.core.data.Timeframe;
import dev.candela.core.market.SyntheticMarket;
import dev.candela.core.registry.PluginRegistry;
import dev.candela.spi.Column;
import dev.candela.spi.PriceField;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LookaheadAuditTest {
    private final PluginRegistry registry = PluginRegistry.of(List.of(new FeatureTestPlugin()));

    private static OhlcvSeries synthetic(int bars) {
        return SyntheticMarket.builder().seed(5).symbols("SYN").timeframe(Timeframe.H1).bars(bars).build()
                .generateSeries().get(0);
    }

    /** Up to two larger timeframes that the base divides, from a ladder that suits every shared file. */
    private static List<Timeframe> timeframesFor(Timeframe base) {
        List<Timeframe> out = new ArrayList<>(List.of(base));
        for (Timeframe tf : List.of(Timeframe.M15, Timeframe.H1, Timeframe.H4, Timeframe.D1, Timeframe.W1)) {
            if (out.size() < 3 && tf.millis() > base.millis() && tf.isMultipleOf(base)) {
                out.add(tf);
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> pipelinePassesOnEveryFileOfTheSharedData() throws IOException {
        Optional<Path> dir = SharedData.directory();
        Assumptions.assumeTrue(dir.isPresent(), "shared market data (../shared/data) not found; skipping");
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir.get())) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
        }
        Assumptions.assumeFalse(files.isEmpty(), "no CSV files in the shared data");
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            OhlcvSeries series = OhlcvCsvReader.withDefaults().readSeries(file);
            List<Timeframe> tfs = timeframesFor(series.timeframe().orElseThrow());
            Map<Timeframe, Double> weights = new LinkedHashMap<>();
            for (int i = 0; i < tfs.size(); i++) {
                weights.put(tfs.get(i), (double) (tfs.size() - i));
            }
            FeaturePipeline pipeline = FeaturePipeline.builder(registry, new CountingBackend()).timeframes(tfs)
                    .indicators("echo,smooth(10),runsum(14)").weighted("smooth(10)", weights).build();
            FeatureMatrix.Builder matrix = FeatureMatrix.builder().lags(1, 3).returns(1, 5)
                    .label(LabelSpec.classes(12, 0.002)).normalize(Normalization.ZSCORE, 0.7);

            LookaheadReport report = LookaheadAudit.builder().cuts(10).build().audit(series, pipeline, matrix);

            assertTrue(report.passed(), () -> report.summary() + "\n" + report.leaks());
            assertEquals(10, report.cuts().size());
            // 3 indicators with 5 outputs per timeframe, the weighted column and two returns, each with 2 lags.
            assertEquals((5 * tfs.size() + 1 + 2) * 3, report.columns().size(), report.columns().toString());
            assertFalse(report.columns().stream().anyMatch(c -> c.startsWith("fwd-return") || c.startsWith("class")));
        }));
    }

    @Test
    void catchesAnIndicatorThatPeeksOneBarAhead() {
        FeaturePipeline pipeline = FeaturePipeline.builder(registry, new CountingBackend())
                .timeframes(Timeframe.H1, Timeframe.H4).indicators("echo,peek").build();
        LookaheadReport report = LookaheadAudit.builder().cuts(8).build().audit(synthetic(600), pipeline);
        assertFalse(report.passed());
        assertEquals(List.of("1h:peek", "4h:peek"), report.leakingColumns());
        assertTrue(report.summary().startsWith("FAIL: 2 of 6"), report.summary());
    }

    @Test
    void reportNamesTheFirstChangedRowWithBothValues() {
        OhlcvSeries series = synthetic(100);
        FeaturePipeline pipeline = FeaturePipeline.builder(registry, new CountingBackend()).indicators("peek").build();
        LookaheadAudit audit = LookaheadAudit.builder().cuts(3).build();
        assertEquals(List.of(25, 50, 75), audit.cutPoints(100));

        LookaheadReport.Leak leak = audit.audit(series, pipeline).leaks().get(0);
        // Cut after 25 rows: row 24 peeked at row 25's close on the full data, and sees nothing when cut.
        assertEquals("1h:peek", leak.column());
        assertEquals(25, leak.cutRows());
        assertEquals(series.timestamp(24), leak.lastKept());
        assertEquals(series.timestamp(24), leak.row());
        assertEquals(series.column(PriceField.CLOSE).get(25), leak.fullValue());
        assertTrue(Double.isNaN(leak.cutValue()));
        assertEquals(3, leak.cutsChanged());
        assertTrue(leak.toString().contains("missing"), leak.toString());
    }

    /** A higher candle's close laid on the base rows from {@code delayBars} base bars after its open. */
    private static FeatureColumns closeOfHigherCandle(OhlcvSeries base, Timeframe higher, int delayBars,
                                                      boolean completeOnly) {
        OhlcvSeries candles = Resampler.to(higher).resample(base).series();
        if (completeOnly) {
            candles = candles.completed();
        }
        long delay = delayBars * base.timeframe().orElseThrow().millis();
        double[] out = new double[base.size()];
        int j = -1;
        for (int i = 0; i < out.length; i++) {
            while (j + 1 < candles.size() && candles.timestamp(j + 1) + delay <= base.timestamp(i)) {
                j++;
            }
            out[i] = j < 0 ? Double.NaN : candles.column(PriceField.CLOSE).get(j);
        }
        LongColumn times = base.timestamps();
        return FeatureColumns.of(times, List.of("4h:close"), List.of(Column.of(out)));
    }

    @Test
    void catchesAMergeThatAttachesTheHigherCandleAtItsOpen() {
        LookaheadReport report = LookaheadAudit.builder().cuts(8).build()
                .audit(synthetic(600), s -> closeOfHigherCandle(s, Timeframe.H4, 0, false));
        assertEquals(List.of("4h:close"), report.leakingColumns());
    }

    @Test
    void catchesAMergeOneBaseBarTooEarly() {
        OhlcvSeries series = synthetic(600);
        LookaheadAudit audit = LookaheadAudit.builder().cuts(8).build();
        // The leak shows only in cuts whose last kept hour is the third of a 4h candle.
        assertTrue(audit.cutPoints(600).stream().anyMatch(cut -> (cut - 1) % 4 == 2), audit.cutPoints(600)::toString);
        LookaheadReport early = audit.audit(series, s -> closeOfHigherCandle(s, Timeframe.H4, 2, true));
        assertEquals(List.of("4h:close"), early.leakingColumns());
        // The rule itself, open + 4h - 1h, passes the same audit.
        LookaheadReport right = audit.audit(series, s -> closeOfHigherCandle(s, Timeframe.H4, 3, true));
        assertTrue(right.passed(), right::summary);
    }

    @Test
    void catchesNormalisationOverTheWholeHistory() {
        FeaturePipeline pipeline = FeaturePipeline.builder(registry, new CountingBackend()).indicators("smooth(5)").build();
        FeatureMatrix.Builder leaky = FeatureMatrix.builder().keepIncompleteRows().normalize(Normalization.ZSCORE, 1.0);
        LookaheadReport report = LookaheadAudit.withDefaults().audit(synthetic(300), s -> leaky.build(pipeline.compute(s)));
        assertEquals(List.of("1h:smooth(5)"), report.leakingColumns());
        // Audited as a recipe, normalisation and labels are left out and the same features pass.
        LookaheadReport recipe = LookaheadAudit.withDefaults().audit(synthetic(300), pipeline,
                FeatureMatrix.builder().lags(2).label(LabelSpec.sign(3)).normalize(Normalization.ZSCORE, 1.0));
        assertTrue(recipe.passed(), recipe::summary);
        assertEquals(List.of("1h:smooth(5)", "1h:smooth(5)@lag2"), recipe.columns());
    }

    @Test
    void pipelineCutsAlternateWithTheLastButOneHourOfADay() {
        OhlcvSeries series = synthetic(2000);
        LookaheadAudit audit = LookaheadAudit.builder().cuts(10).build();
        List<Integer> points = audit.cutPoints(series, List.of(Timeframe.H1, Timeframe.H4, Timeframe.D1));
        assertEquals(10, points.size(), points::toString);
        long atHour22 = points.stream()
                .filter(cut -> java.time.Instant.ofEpochMilli(series.timestamp(cut - 1)).toString().endsWith("T22:00:00Z"))
                .count();
        assertTrue(atHour22 >= 5, "every other cut ends on hour 22: " + points);
        assertEquals(audit.cutPoints(2000), audit.cutPoints(series, List.of(Timeframe.H1)), "no higher timeframe");
    }

    @Test
    void cutPointsAreDistinctAndInsideTheData() {
        LookaheadAudit audit = LookaheadAudit.builder().cuts(50).minimumRows(5).build();
        List<Integer> points = audit.cutPoints(20);
        assertEquals(List.of(5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19), points);
        assertTrue(audit.cutPoints(5).isEmpty());
    }
}
