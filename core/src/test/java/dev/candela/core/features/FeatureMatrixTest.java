package dev.candela.core.features;

import dev.candela.core.data.OhlcvSeries;
import dev.candela.core.data.Timeframe;
import dev.candela.core.registry.PluginRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeatureMatrixTest {
    private static final double NaN = Double.NaN;
    private static final double[] CLOSES = {100, 110, 99, 99, 120, 100};

    private final PluginRegistry registry = PluginRegistry.of(List.of(new FeatureTestPlugin()));

    private FeatureFrame frame(double... closes) {
        int[] hours = new int[closes.length];
        for (int i = 0; i < hours.length; i++) {
            hours[i] = i;
        }
        return FeaturePipeline.builder(registry, new CountingBackend()).indicators("echo").build()
                .compute(Bars.hourly("HAND", hours, closes));
    }

    @Test
    void lagsReturnsAndLabelsMatchHandComputation() {
        FeatureMatrix m = FeatureMatrix.builder().columns("1h:echo.close").lags(1).returns(1)
                .label(LabelSpec.classes(2, 0.05)).build(frame(CLOSES));

        assertEquals(List.of("1h:echo.close", "1h:echo.close@lag1", "1h:return(1)", "1h:return(1)@lag1"),
                m.featureNames());
        // return(1)@lag1 needs rows 0 and 1 behind it: rows 0 and 1 are warm-up. Rows 4 and 5 have no close
        // two bars ahead. Rows 2 and 3 remain.
        assertEquals(2, m.rowCount());
        assertEquals(2, m.warmUpRowsDropped());
        assertEquals(0, m.incompleteRowsDropped());
        assertEquals(2, m.unlabeledRowsDropped());
        assertEquals(Bars.hour(2), m.timestamp(0));
        assertEquals(3, m.baseRow(1));
        assertArrayEquals(new double[] {99, 99}, m.feature(0).toArray());
        assertArrayEquals(new double[] {110, 99}, m.feature(1).toArray());
        assertArrayEquals(new double[] {99.0 / 110 - 1, 0}, m.feature(2).toArray(), 1e-15);
        assertArrayEquals(new double[] {0.1, 99.0 / 110 - 1}, m.feature(3).toArray(), 1e-15);
        // Forward returns over 2 bars: 120/99 - 1 = 21.2 % (up), 100/99 - 1 = 1.0 % (flat within 5 %).
        assertArrayEquals(new double[] {120.0 / 99 - 1, 100.0 / 99 - 1}, m.forwardReturns().toArray(), 1e-15);
        assertEquals(2, m.classLabel(0));
        assertEquals(1, m.classLabel(1));
        assertEquals(3, m.classCount());
        assertEquals(2, m.horizon());
    }

    @Test
    void signLabelsCountAZeroReturnAsNotUp() {
        FeatureMatrix m = FeatureMatrix.builder().label(LabelSpec.sign(1)).build(frame(10, 10, 11, 9));
        assertEquals(3, m.rowCount());
        assertEquals(2, m.classCount());
        assertEquals(List.of(0, 1, 0), List.of(m.classLabel(0), m.classLabel(1), m.classLabel(2)));
        assertEquals(1, m.unlabeledRowsDropped());
    }

    @Test
    void threeClassLabelsUseTheFlatBandInclusively() {
        LabelSpec spec = LabelSpec.classes(3, 0.01);
        assertEquals(0, spec.classify(-0.0101));
        assertEquals(1, spec.classify(-0.01));
        assertEquals(1, spec.classify(0.01));
        assertEquals(2, spec.classify(0.0101));
        assertThrows(IllegalArgumentException.class, () -> new LabelSpec(3, LabelSpec.Kind.SIGN, 0.01));
        assertThrows(IllegalArgumentException.class, () -> LabelSpec.classes(0, 0));
    }

    @Test
    void incompleteRowsAfterTheWarmUpAreDroppedAndCountedSeparately() {
        // Closes 5, 0, 7, 8, 9: return(1) is NaN on row 0 (warm-up) and infinite on row 2, after the zero.
        FeatureMatrix zero = FeatureMatrix.builder().columns("1h:echo.close").returns(1)
                .build(frameWithZeroClose());
        assertEquals(1, zero.warmUpRowsDropped());
        assertEquals(1, zero.incompleteRowsDropped(), "the row after the zero close has an infinite return");
        assertEquals(3, zero.rowCount());
    }

    private FeatureFrame frameWithZeroClose() {
        long t0 = Bars.T0;
        long[] t = {t0, t0 + 3_600_000L, t0 + 7_200_000L, t0 + 10_800_000L, t0 + 14_400_000L};
        double[] c = {5, 0, 7, 8, 9};
        double[] zeros = {0, 0, 0, 0, 0};
        OhlcvSeries s = OhlcvSeries.of("Z", Timeframe.H1, t, c, c, zeros, c, zeros);
        return FeaturePipeline.builder(registry, new CountingBackend()).indicators("echo").build().compute(s);
    }

    @Test
    void keepIncompleteRowsKeepsTheWarmUpAsMissingValues() {
        FeatureMatrix m = FeatureMatrix.builder().columns("1h:echo.close").lags(2).keepIncompleteRows()
                .build(frame(CLOSES));
        assertEquals(6, m.rowCount());
        assertArrayEquals(new double[] {NaN, NaN, 100, 110, 99, 99}, m.feature("1h:echo.close@lag2").toArray());
        assertEquals(0, m.warmUpRowsDropped());
    }

    @Test
    void zScoreStatisticsComeOnlyFromTheFittedRows() {
        FeatureMatrix m = FeatureMatrix.builder().columns("1h:echo.close").normalize(Normalization.ZSCORE, 0.5)
                .build(frame(CLOSES));
        // Fitted on rows 0..2 (100, 110, 99): mean 103, population deviation sqrt(((-3)^2 + 7^2 + (-4)^2) / 3).
        double sd = Math.sqrt((9 + 49 + 16) / 3.0);
        NormalizationStats stats = m.normalization().orElseThrow();
        assertEquals(103, stats.center(0), 1e-12);
        assertEquals(sd, stats.scale(0), 1e-12);
        assertEquals(0, stats.fitFrom());
        assertEquals(3, stats.fitTo());
        double[] expected = new double[CLOSES.length];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (CLOSES[i] - 103) / sd;
        }
        assertArrayEquals(expected, m.feature(0).toArray(), 1e-12);

        // Rows after the fitted ones change: the statistics must not.
        FeatureMatrix other = FeatureMatrix.builder().columns("1h:echo.close").normalize(Normalization.ZSCORE, 0.5)
                .build(frame(100, 110, 99, 5000, -3, 1e6));
        assertEquals(stats.center(0), other.normalization().orElseThrow().center(0));
        assertEquals(stats.scale(0), other.normalization().orElseThrow().scale(0));
    }

    @Test
    void minMaxMapsTheFittedRowsOntoZeroToOne() {
        FeatureMatrix raw = FeatureMatrix.builder().columns("1h:echo.close").build(frame(CLOSES));
        FeatureMatrix m = raw.normalized(Normalization.MINMAX, 0, 4);
        // Rows 0..3 span 99..110.
        assertArrayEquals(new double[] {1.0 / 11, 1, 0, 0, 21.0 / 11, 1.0 / 11}, m.feature(0).toArray(), 1e-12);
        // Statistics fitted on one matrix apply to another with the same columns.
        FeatureMatrix test = FeatureMatrix.builder().columns("1h:echo.close").build(frame(121, 88))
                .normalizedWith(m.normalization().orElseThrow());
        assertArrayEquals(new double[] {2, -1}, test.feature(0).toArray(), 1e-12);
    }

    @Test
    void constantColumnNormalisesToZeroNotInfinity() {
        FeatureMatrix m = FeatureMatrix.builder().columns("1h:echo.close").build(frame(7, 7, 7, 9))
                .normalized(Normalization.ZSCORE, 0, 3);
        assertArrayEquals(new double[] {0, 0, 0, 2}, m.feature(0).toArray());
    }

    @Test
    void writesCsvWithTimestampFeaturesThenLabels(@TempDir Path dir) throws IOException {
        FeatureMatrix m = FeatureMatrix.builder().columns("1h:echo.close").lags(1)
                .label(LabelSpec.classes(2, 0.05)).build(frame(CLOSES));
        Path out = dir.resolve("m.csv");
        m.writeCsv(out);
        List<String> lines = Files.readAllLines(out);
        assertEquals("timestamp,1h:echo.close,1h:echo.close@lag1,fwd-return(2),class(2)", lines.get(0));
        assertEquals(4, lines.size(), "header and rows 1..3: row 0 is warm-up, rows 4 and 5 have no label");
        assertEquals("2024-01-01T01:00:00Z,110.0,100.0," + (99.0 / 110 - 1) + ",0.0", lines.get(1));
    }

    @Test
    void rowsViewSplitsTrainingFromTestRows() {
        FeatureMatrix m = FeatureMatrix.builder().columns("1h:echo.close").label(LabelSpec.sign(1))
                .build(frame(CLOSES));
        FeatureMatrix test = m.rows(3, 5);
        assertEquals(2, test.rowCount());
        assertEquals(Bars.hour(3), test.timestamp(0));
        assertArrayEquals(new double[] {99, 120}, test.feature(0).toArray());
        assertEquals(1, test.classLabel(0));
        assertEquals(0, test.classLabel(1));
    }

    @Test
    void withoutLabelsTheLabelMethodsExplainWhatIsMissing() {
        FeatureMatrix m = FeatureMatrix.builder().build(frame(CLOSES));
        assertFalse(m.hasLabels());
        IllegalStateException e = assertThrows(IllegalStateException.class, m::classCount);
        assertTrue(e.getMessage().contains("LabelSpec"), e.getMessage());
    }

    @Test
    void unknownColumnIsRejectedWithTheColumnsThereAre() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FeatureMatrix.builder().columns("4h:echo.close").build(frame(CLOSES)));
        assertTrue(e.getMessage().contains("1h:echo.close"), e.getMessage());
    }
}
