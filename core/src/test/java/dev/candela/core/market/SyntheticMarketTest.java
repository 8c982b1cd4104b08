package dev.candela.core.market;

import dev.candela.core.csv.OhlcvCsvReader;
import dev.candela.core.csv.OhlcvCsvWriter;
import dev.candela.core.data.BarValidator;
import dev.candela.core.data.OhlcvSeries;
import dev.candela.core.data.SymbolBatch;
import dev.candela.core.data.Timeframe;
import dev.candela.spi.Column;
import dev.candela.spi.PriceField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticMarketTest {

    private static OhlcvSeries generate(long seed, int bars) {
        return SyntheticMarket.builder().seed(seed).bars(bars).build().generateSeries().get(0);
    }

    private static double[] logReturns(OhlcvSeries series) {
        Column close = series.column(PriceField.CLOSE);
        double[] returns = new double[close.length() - 1];
        for (int i = 1; i < close.length(); i++) {
            returns[i - 1] = Math.log(close.get(i) / close.get(i - 1));
        }
        return returns;
    }

    private static double autocorrelation(double[] x, int lag) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double numerator = 0;
        double denominator = 0;
        for (int i = 0; i < x.length; i++) {
            denominator += (x[i] - mean) * (x[i] - mean);
            if (i >= lag) {
                numerator += (x[i] - mean) * (x[i - lag] - mean);
            }
        }
        return numerator / denominator;
    }

    private static double correlation(double[] a, double[] b) {
        double meanA = 0;
        double meanB = 0;
        for (int i = 0; i < a.length; i++) {
            meanA += a[i];
            meanB += b[i];
        }
        meanA /= a.length;
        meanB /= b.length;
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (a[i] - meanA) * (b[i] - meanB);
            aa += (a[i] - meanA) * (a[i] - meanA);
            bb += (b[i] - meanB) * (b[i] - meanB);
        }
        return ab / Math.sqrt(aa * bb);
    }

    private static double[] absolute(double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.abs(x[i]);
        }
        return out;
    }

    @Test
    void everyCandlePassesTheValidator() {
        for (long seed = 1; seed <= 5; seed++) {
            List<OhlcvSeries> series = SyntheticMarket.builder().seed(seed).symbols("A", "B", "C")
                    .timeframe(Timeframe.M5).bars(5_000).build().generateSeries();
            for (OhlcvSeries one : series) {
                assertEquals(List.of(), BarValidator.validate(one), "seed " + seed + " " + one.symbol());
            }
        }
    }

    @Test
    void everyCandleSurvivesAStrictCsvRoundTrip(@TempDir Path dir) throws IOException {
        OhlcvSeries series = generate(77, 5_000);
        Path file = dir.resolve("SYN.csv");
        OhlcvCsvWriter.write(series, file);
        // The default reader fails on any invalid row.
        assertEquals(series, OhlcvCsvReader.withDefaults().readSeries(file));
    }

    @Test
    void theSameSeedGivesTheSameCandles() {
        SyntheticMarket.Builder builder = SyntheticMarket.builder().seed(123).symbols("A", "B").bars(3_000);
        List<OhlcvSeries> first = builder.build().generateSeries();
        List<OhlcvSeries> second = builder.build().generateSeries();
        assertEquals(first, second);
    }

    @Test
    void differentSeedsGiveDifferentCandles() {
        OhlcvSeries a = generate(1, 1_000);
        OhlcvSeries b = generate(2, 1_000);
        assertNotEquals(a, b);
        int sameCloses = 0;
        for (int i = 1; i < 1_000; i++) {
            if (a.column(PriceField.CLOSE).get(i) == b.column(PriceField.CLOSE).get(i)) {
                sameCloses++;
            }
        }
        assertTrue(sameCloses < 50, sameCloses + " equal closes");
    }

    @Test
    void aSymbolsCandlesDoNotDependOnTheSymbolsAfterIt() {
        OhlcvSeries alone = SyntheticMarket.builder().seed(5).symbols("A").bars(2_000).build().generateSeries().get(0);
        OhlcvSeries withOthers = SyntheticMarket.builder().seed(5).symbols("A", "B", "C").bars(2_000).build()
                .generateSeries().get(0);
        assertEquals(alone, withOthers);
    }

    @Test
    void volatilityClustersWhileReturnsThemselvesAreUncorrelated() {
        double[] returns = logReturns(generate(2024, 20_000));
        double[] magnitudes = absolute(returns);
        for (int lag = 1; lag <= 5; lag++) {
            double raw = autocorrelation(returns, lag);
            double abs = autocorrelation(magnitudes, lag);
            assertTrue(Math.abs(raw) < 0.05, "lag " + lag + " return autocorrelation " + raw);
            assertTrue(abs > 0.15, "lag " + lag + " absolute return autocorrelation " + abs);
        }
    }

    @Test
    void regimesMakeRollingVolatilityVaryByALargeFactor() {
        double[] returns = logReturns(generate(31, 20_000));
        int window = 200;
        double lowest = Double.MAX_VALUE;
        double highest = 0;
        for (int end = window; end <= returns.length; end += window) {
            double mean = 0;
            for (int i = end - window; i < end; i++) {
                mean += returns[i];
            }
            mean /= window;
            double variance = 0;
            for (int i = end - window; i < end; i++) {
                variance += (returns[i] - mean) * (returns[i] - mean);
            }
            double deviation = Math.sqrt(variance / (window - 1));
            lowest = Math.min(lowest, deviation);
            highest = Math.max(highest, deviation);
        }
        assertTrue(highest / lowest > 3, "rolling volatility from " + lowest + " to " + highest);
    }

    @Test
    void symbolsMoveTogetherThroughTheMarketFactor() {
        List<OhlcvSeries> correlated = SyntheticMarket.builder().seed(8).symbols("A", "B").marketCorrelation(0.8)
                .bars(10_000).build().generateSeries();
        double together = correlation(logReturns(correlated.get(0)), logReturns(correlated.get(1)));
        // Both load 0.8 on one factor: the correlation of the shocks is 0.64.
        assertTrue(together > 0.5 && together < 0.75, "correlation " + together);

        List<OhlcvSeries> independent = SyntheticMarket.builder().seed(8).symbols("A", "B").marketCorrelation(0)
                .bars(10_000).build().generateSeries();
        double apart = correlation(logReturns(independent.get(0)), logReturns(independent.get(1)));
        assertTrue(Math.abs(apart) < 0.05, "correlation " + apart);
    }

    @Test
    void volumeRisesWithTheSizeOfMoves() {
        OhlcvSeries series = generate(99, 10_000);
        double[] magnitudes = absolute(logReturns(series));
        double[] volume = series.column(PriceField.VOLUME).slice(1, series.size()).toArray();
        double together = correlation(volume, magnitudes);
        assertTrue(together > 0.3, "correlation of volume and |return| " + together);
    }

    @Test
    void candlesOpenNearThePreviousCloseOnTheTimeframeGrid() {
        OhlcvSeries series = SyntheticMarket.builder().timeframe(Timeframe.W1).bars(500).build().generateSeries().get(0);
        assertEquals(Optional.of(Timeframe.W1), series.timeframe());
        for (int i = 1; i < series.size(); i++) {
            assertEquals(Timeframe.W1.millis(), series.timestamp(i) - series.timestamp(i - 1));
            double previousClose = series.column(PriceField.CLOSE).get(i - 1);
            double gap = Math.abs(series.column(PriceField.OPEN).get(i) / previousClose - 1);
            assertTrue(gap < 0.05, "gap " + gap + " at " + i);
        }
        assertEquals(100.0, series.column(PriceField.OPEN).get(0));
    }

    @Test
    void theDefaultDatasetIsTwoHourlySymbolsOfTwentyThousandBars() {
        SymbolBatch batch = SyntheticMarket.defaultDataset();
        assertEquals(List.of("SYN-A", "SYN-B"), batch.symbols());
        assertEquals(20_000, batch.barCount());
        assertEquals(Optional.of(Timeframe.H1), batch.timeframe());
        assertEquals(Instant.parse("2022-01-03T00:00:00Z").toEpochMilli(), batch.timestamp(0));
        assertEquals(20_000, batch.barsPresent(0));
        assertEquals(20_000, batch.barsPresent(1));
        assertSame(batch, SyntheticMarket.defaultDataset());
        SymbolBatch regenerated = SyntheticMarket.builder().seed(SyntheticMarket.DEFAULT_SEED).symbols("SYN-A", "SYN-B")
                .start(Instant.parse("2022-01-03T00:00:00Z")).bars(20_000).build().generate();
        assertEquals(regenerated.series(0), batch.series(0));
        assertEquals(regenerated.series(1), batch.series(1));
    }

    @Test
    void rejectsAStartOffTheTimeframesGridAndNonsenseSettings() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> SyntheticMarket.builder()
                .timeframe(Timeframe.W1).start(Instant.parse("2024-04-17T00:00:00Z")).build());
        assertEquals("Start 2024-04-17T00:00:00Z is not on a 1w boundary; the nearest earlier one is"
                + " 2024-04-15T00:00:00Z", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SyntheticMarket.builder().symbols("A", "A"));
        assertThrows(IllegalArgumentException.class, () -> SyntheticMarket.builder().symbols(List.of()));
        assertThrows(IllegalArgumentException.class, () -> SyntheticMarket.builder().marketCorrelation(1));
        assertThrows(IllegalArgumentException.class, () -> SyntheticMarket.builder().startPrice(0));
        assertThrows(IllegalArgumentException.class, () -> SyntheticMarket.builder().bars(-1));
    }
}
