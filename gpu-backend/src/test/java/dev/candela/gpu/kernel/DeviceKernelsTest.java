package dev.candela.gpu.kernel;

import dev.candela.spi.BarBatch;
import dev.candela.spi.Indicator;
import dev.candela.spi.IndicatorOutput;
import dev.candela.spi.IndicatorState;
import dev.candela.spi.ParameterSpec;
import dev.candela.spi.Parameters;
import dev.candela.spi.PriceField;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each kernel against values worked out by hand from TA-Lib's definitions (small series), or against a
 * plain bar-by-bar transcription of those definitions (the recursive ones, on longer series).
 */
class DeviceKernelsTest {
    private static final double EPS = 1e-12;

    /** Values from bar {@code from} on; the kernels leave the warm-up to the caller. */
    private static void assertFrom(int from, double[] expected, double[] actual) {
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], actual[from + k], EPS * Math.max(1, Math.abs(expected[k])), "bar " + (from + k));
        }
    }

    @Test
    void coversEveryIndicatorTheGpuBackendPromises() {
        assertEquals(Set.of("sma", "ema", "wma", "dema", "tema", "rsi", "macd", "bbands", "atr", "natr", "trange",
                "stddev", "stoch", "willr", "cci", "roc", "mom", "obv", "adx", "aroon"), DeviceKernels.ids());
    }

    @Test
    void movingAveragesMatchHandComputedValues() {
        double[] x = {2, 4, 6, 8, 4, 2};
        assertFrom(2, new double[] {4, 6, 6, 14.0 / 3}, KernelRun.close(x).value("sma", 3));
        // k = 0.5, seeded with the mean of the first three closes.
        assertFrom(2, new double[] {4, 6, 5, 3.5}, KernelRun.close(x).value("ema", 3));
        assertFrom(2, new double[] {28.0 / 6, 40.0 / 6, 34.0 / 6, 22.0 / 6}, KernelRun.close(x).value("wma", 3));
        // EMA(2) = 3, 5, 7, 5, 3 from bar 1; its EMA(2) = 4, 6, 16/3, 34/9 from bar 2.
        assertFrom(2, new double[] {6, 8, 10 - 16.0 / 3, 6 - 34.0 / 9}, KernelRun.close(x).value("dema", 2));
    }

    @Test
    void rsiMatchesHandComputedValuesAndIsZeroWithoutMoves() {
        double[] close = {1, 2, 1.5, 2.5, 2.5, 1.5};
        // Gains 1, 0 and losses 0, 0.5 seed 0.5 and 0.25; then Wilder steps.
        assertFrom(2, new double[] {100 * 0.5 / 0.75, 100 * 0.75 / 0.875, 100 * 0.375 / 0.4375,
                100 * 0.1875 / 0.71875}, KernelRun.close(close).value("rsi", 2));
        assertFrom(3, new double[] {0, 0, 0}, KernelRun.close(5, 5, 5, 5, 5, 5).value("rsi", 3));
    }

    @Test
    void trueRangeFamilyMatchesHandComputedValues() {
        double[] high = {10, 12, 11, 13};
        double[] low = {9, 10, 8, 12};
        double[] close = {9.5, 11, 9, 12.5};
        KernelRun bars = KernelRun.bars(high, low, close);
        assertFrom(1, new double[] {2.5, 3, 4}, bars.value("trange"));
        assertFrom(2, new double[] {2.75, 3.375}, bars.value("atr", 2));
        assertFrom(1, new double[] {2.5, 3, 4}, bars.value("atr", 1));
        assertFrom(2, new double[] {2.75 / 9 * 100, 3.375 / 12.5 * 100}, bars.value("natr", 2));
    }

    @Test
    void rangeIndicatorsMatchHandComputedValues() {
        double[] high = {3, 5, 4, 6, 5};
        double[] low = {1, 2, 2, 3, 4};
        double[] close = {2, 4, 3, 5, 4};
        assertFrom(2, new double[] {-50, -25, -50}, KernelRun.bars(high, low, close).value("willr", 3));
        assertFrom(1, new double[] {0, 0}, KernelRun.bars(new double[] {4, 4, 4}, new double[] {4, 4, 4},
                new double[] {4, 4, 4}).value("willr", 2));

        double[][][] stoch = KernelRun.bars(new double[] {3, 4, 5, 6, 5}, new double[] {1, 2, 3, 3, 2},
                new double[] {2, 3, 4, 5, 3}).run("stoch", 2, 2, 2);
        assertFrom(3, new double[] {200.0 / 3, (200.0 / 3 + 25) / 2}, stoch[0][0]);
        assertFrom(3, new double[] {200.0 / 3, (200.0 / 3 + (200.0 / 3 + 25) / 2) / 2}, stoch[1][0]);
    }

    @Test
    void aroonCountsTheMostRecentExtremeOnTies() {
        double[][][] aroon = new KernelRun().field(PriceField.HIGH, 1, 3, 3, 2, 1)
                .field(PriceField.LOW, 1, 0, 0, 2, 3).run("aroon", 2);
        assertFrom(2, new double[] {100, 50, 0}, aroon[0][0]);
        assertFrom(2, new double[] {100, 50, 0}, aroon[1][0]);
    }

    @Test
    void cciMatchesHandComputedValuesWithItsExactZeroTest() {
        double[] c = {1, 2, 3, 3, 3, 6};
        // Typical price = close when high = low = close. Bar 4's window is flat: distance 0, value 0.
        double[] cci = KernelRun.bars(c, c, c).value("cci", 3);
        assertFrom(2, new double[] {100, (1.0 / 3) / (0.015 * (4.0 / 9)), 0, 2 / (0.015 * (4.0 / 3))}, cci);
    }

    @Test
    void changesMatchHandComputedValues() {
        assertFrom(2, new double[] {8, 12}, KernelRun.close(1, 4, 9, 16).value("mom", 2));
        // An earlier close of 0 gives 0, as in TA-Lib.
        assertFrom(1, new double[] {0, 100}, KernelRun.close(0, 5, 10).value("roc", 1));
        assertFrom(0, new double[] {100, 120, 120, 80, 130}, new KernelRun().field(PriceField.CLOSE, 10, 11, 11, 9, 12)
                .field(PriceField.VOLUME, 100, 20, 30, 40, 50).value("obv"));
    }

    @Test
    void bandsAndDeviationMatchHandComputedValues() {
        double[][][] bands = KernelRun.close(1, 2, 3, 4).run("bbands", 2, 2);
        assertFrom(1, new double[] {2.5, 3.5, 4.5}, bands[0][0]);
        assertFrom(1, new double[] {1.5, 2.5, 3.5}, bands[1][0]);
        assertFrom(1, new double[] {0.5, 1.5, 2.5}, bands[2][0]);
        assertFrom(2, new double[] {Math.sqrt(2.0 / 3) * 2}, KernelRun.close(1, 2, 3).value("stddev", 3, 2));
        assertFrom(2, new double[] {0, 0}, KernelRun.close(7.3, 7.3, 7.3, 7.3).value("stddev", 3, 1));
    }

    @Test
    void deviationsAndBandsCarryTaLibsOnePassRoundingBitForBit() {
        // BTC's price level with a flat stretch: TA-Lib's running sums leave that stretch's deviation non-zero.
        double[] close = Matrices.walks(new Random(7), 1, 20_000, 28_000, 15)[0];
        Arrays.fill(close, 12_000, 12_500, 28_080.12);
        int n = 20;
        double k = 2;
        double[] deviation = new double[close.length];
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < close.length; i++) {
            sum += close[i];
            squares += close[i] * close[i];
            double mean = sum / n;
            double variance = squares / n - mean * mean;
            deviation[i] = variance < 1e-8 ? 0.0 : Math.sqrt(variance);
            if (i >= n - 1) {
                sum -= close[i - n + 1];
                squares -= close[i - n + 1] * close[i - n + 1];
            }
        }
        assertTrue(Arrays.stream(deviation, 12_000 + n, 12_500).anyMatch(d -> d > 1e-4), "TA-Lib's drift shows");

        double[] stddev = KernelRun.close(close).value("stddev", n, k);
        double[][][] bands = KernelRun.close(close).run("bbands", n, k);
        for (int i = n - 1; i < close.length; i++) {
            assertEquals(k * deviation[i], stddev[i], 0.0, "stddev at " + i);
            double middle = bands[1][0][i];
            assertEquals(middle + k * deviation[i], bands[0][0][i], 0.0, "upper at " + i);
            assertEquals(middle - k * deviation[i], bands[2][0][i], 0.0, "lower at " + i);
        }
    }

    @Test
    void noOutputNeedsExtraToleranceWhereTheBackendReplaysTaLibsSums() {
        assertTrue(RollingWindows.prefixSumIsSequential(), "nd4j-native's cumsum adds one element after the other");
        Parameters parameters = Parameters.of(List.of(ParameterSpec.ofInt("period", 20, 1, 1000, ""),
                ParameterSpec.ofDouble("k", 2, 0, 100, "")), 20, 2);
        for (String id : List.of("stddev", "bbands")) {
            DeviceKernel kernel = DeviceKernels.byId(id).orElseThrow();
            for (int o = 0; o < kernel.outputs().size(); o++) {
                assertEquals(0.0, kernel.deviationMultiplier(parameters, o), id + " output " + o);
            }
        }
    }

    /** TA-Lib's EMA, bar by bar, seeded with the mean of x[from..to] at bar to. */
    private static double[] ema(double[] x, int from, int to, double k) {
        double[] y = new double[x.length];
        Arrays.fill(y, Double.NaN);
        double sum = 0;
        for (int i = from; i <= to; i++) {
            sum += x[i];
        }
        double e = sum / (to - from + 1);
        y[to] = e;
        for (int i = to + 1; i < x.length; i++) {
            e = (x[i] - e) * k + e;
            y[i] = e;
        }
        return y;
    }

    @Test
    void macdAndTemaMatchABarByBarTranscriptionOfTaLib() {
        double[] x = Matrices.walks(new Random(5), 1, 600, 100, 1)[0];
        double[] slow = ema(x, 0, 25, 2.0 / 27);
        double[] fast = ema(x, 14, 25, 2.0 / 13);
        double[] line = new double[x.length];
        for (int i = 25; i < x.length; i++) {
            line[i] = fast[i] - slow[i];
        }
        double[] signal = ema(line, 25, 33, 0.2);

        double[][][] macd = KernelRun.close(x).run("macd", 26, 12, 9);

        for (int i = 33; i < x.length; i++) {
            assertEquals(line[i], macd[0][0][i], 1e-11, "macd at " + i);
            assertEquals(signal[i], macd[1][0][i], 1e-11, "signal at " + i);
            assertEquals(line[i] - signal[i], macd[2][0][i], 1e-11, "hist at " + i);
        }

        double k = 2.0 / 11;
        double[] e1 = ema(x, 0, 9, k);
        double[] e2 = ema(e1, 9, 18, k);
        double[] e3 = ema(e2, 18, 27, k);
        double[] tema = KernelRun.close(x).value("tema", 10);
        for (int i = 27; i < x.length; i++) {
            assertEquals(e3[i] + (3 * e1[i] - 3 * e2[i]), tema[i], 1e-11, "tema at " + i);
        }
    }

    /** TA-Lib's ADX, bar by bar, including its handling of bars where DX is undefined. */
    private static double[] adx(double[] high, double[] low, double[] close, int period) {
        int n = close.length;
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        double plus = 0;
        double minus = 0;
        double tr = 0;
        double sumDx = 0;
        double adx = 0;
        for (int i = 1; i < n; i++) {
            double up = high[i] - high[i - 1];
            double down = low[i - 1] - low[i];
            double pdm = up > 0 && up > down ? up : 0;
            double mdm = down > 0 && down > up ? down : 0;
            double range = Math.max(high[i] - low[i], Math.max(Math.abs(close[i - 1] - high[i]),
                    Math.abs(close[i - 1] - low[i])));
            if (i < period) {
                plus += pdm;
                minus += mdm;
                tr += range;
                continue;
            }
            plus = plus - plus / period + pdm;
            minus = minus - minus / period + mdm;
            tr = tr - tr / period + range;
            double pdi = Math.abs(tr) < 1e-8 ? 0 : 100 * (plus / tr);
            double mdi = Math.abs(tr) < 1e-8 ? 0 : 100 * (minus / tr);
            boolean defined = Math.abs(mdi + pdi) >= 1e-8;
            double dx = defined ? 100 * (Math.abs(mdi - pdi) / (mdi + pdi)) : 0;
            if (i < 2 * period - 1) {
                sumDx += dx;
            } else if (i == 2 * period - 1) {
                adx = (sumDx + dx) / period;
                out[i] = adx;
            } else {
                if (defined) {
                    adx = (adx * (period - 1) + dx) / period;
                }
                out[i] = adx;
            }
        }
        return out;
    }

    @Test
    void adxSkipsBarsWithoutDirectionAsTaLibDoes() {
        int n = 900;
        double[][] walk = Matrices.walks(new Random(8), 1, n, 100, 0.5);
        double[] close = walk[0].clone();
        // A flat start (no direction at all) and a long flat stretch in the middle, whose true range sum
        // decays below TA-Lib's zero.
        Arrays.fill(close, 0, 40, 100.0);
        Arrays.fill(close, 400, 600, close[399]);
        double[] high = new double[n];
        double[] low = new double[n];
        for (int i = 0; i < n; i++) {
            boolean flat = i < 40 || (i >= 400 && i < 600);
            high[i] = flat ? close[i] : close[i] + 0.3 + 0.1 * Math.sin(i);
            low[i] = flat ? close[i] : close[i] - 0.25 - 0.1 * Math.cos(i);
        }

        for (int period : new int[] {2, 5, 14}) {
            double[] expected = adx(high, low, close, period);
            double[] actual = KernelRun.bars(high, low, close).value("adx", period);
            for (int i = 2 * period - 1; i < n; i++) {
                assertEquals(expected[i], actual[i], 1e-10 * Math.max(1, Math.abs(expected[i])),
                        "period " + period + " bar " + i);
            }
        }
    }

    @Test
    void rowsOfABatchAreComputedIndependently() {
        double[][] closes = Matrices.walks(new Random(12), 3, 200, 50, 1);
        double[][][] together = new KernelRun().rows(PriceField.CLOSE, closes).run("rsi", 14);
        for (int r = 0; r < closes.length; r++) {
            double[] alone = KernelRun.close(closes[r]).value("rsi", 14);
            for (int i = 14; i < 200; i++) {
                assertEquals(alone[i], together[0][r][i], 1e-12, "row " + r + " bar " + i);
            }
        }
    }

    /** An indicator that claims an id but may differ from the kernel's expectations. */
    private record Impostor(String id, List<ParameterSpec> parameters, int lookbackShift) implements Indicator {
        @Override
        public Set<PriceField> inputs() {
            return Set.of(PriceField.CLOSE);
        }

        @Override
        public int lookback(Parameters p) {
            return p.getInt(0) + lookbackShift;
        }

        @Override
        public void compute(Parameters p, BarBatch bars, IndicatorOutput out) {
            throw new UnsupportedOperationException("not computed in this test");
        }

        @Override
        public IndicatorState newState(Parameters p) {
            throw new UnsupportedOperationException("not computed in this test");
        }
    }

    @Test
    void servesOnlyIndicatorsWithTheParametersOutputsAndLookbackItWasWrittenFor() {
        List<ParameterSpec> period = List.of(ParameterSpec.ofInt("period", 14, 2, 1000, ""));
        List<ParameterSpec> window = List.of(ParameterSpec.ofInt("window", 14, 2, 1000, ""));

        Impostor same = new Impostor("rsi", period, 0);
        Impostor renamed = new Impostor("rsi", window, 0);
        Impostor shifted = new Impostor("rsi", period, 1);

        assertTrue(DeviceKernels.forIndicator(same, same.bind()).isPresent());
        assertFalse(DeviceKernels.forIndicator(renamed, renamed.bind()).isPresent());
        assertFalse(DeviceKernels.forIndicator(shifted, shifted.bind()).isPresent());
        assertFalse(DeviceKernels.forIndicator(new Impostor("kama", period, 0), same.bind()).isPresent());
    }
}
