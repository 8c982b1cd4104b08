package dev.candela.examples.gpu;

import dev.candela.core.Candela;
import dev.candela.core.compute.IndicatorResults;
import dev.candela.core.config.CandelaConfig;
import dev.candela.core.config.GpuConfig;
import dev.candela.core.data.OhlcvSeries;
import dev.candela.core.registry.ResolvedIndicator;
import dev.candela.spi.PriceField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bounds that the GPU backend's README documents for single precision ({@code gpu.float32}), held to on
 * the real market files: outputs at the price level stay within a few millionths of the close; outputs
 * built from price differences (oscillators over a few ticks) are not held to a bound, only to being
 * computed where the CPU backend has values.
 */
class Float32PrecisionTest {
    /** Outputs at the price level and their documented bound, relative to the close. */
    private static final String PRICE_LEVEL = "sma(20),ema(12),ema(300),wma(30),dema(30),tema(30),bbands(20,2),atr(14),"
            + "natr(14),trange,stddev(20,2)";
    private static final double PRICE_LEVEL_BOUND = 5e-6;
    /** Outputs from differences of prices, whose float32 error has no useful bound on minute bars. */
    private static final String DIFFERENCES = "macd(12,26,9),rsi(14),adx(14),willr(14),stoch(5,3,3),cci(20),aroon(14),"
            + "mom(10),roc(10),obv";

    private static Candela single;
    private static Candela cpu;

    @BeforeAll
    static void start() {
        single = Runtimes.emulatedGpu(CandelaConfig.builder().gpu(GpuConfig.defaults().withFloat32(true)).build());
        cpu = Runtimes.cpu();
    }

    @AfterAll
    static void stop() {
        single.close();
        cpu.close();
    }

    static List<String> files() {
        return SharedData.files();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void priceLevelOutputsStayWithinTheDocumentedBoundOfTheClose(String file) {
        OhlcvSeries series = SharedData.read(file);
        double[] close = series.column(PriceField.CLOSE).toArray();
        List<ResolvedIndicator> indicators = single.registry().resolveAll(PRICE_LEVEL + "," + DIFFERENCES);
        IndicatorResults f32 = single.compute().compute(indicators, series);
        IndicatorResults f64 = cpu.compute().compute(indicators, series);
        List<String> priceLevel = single.registry().resolveAll(PRICE_LEVEL).stream()
                .flatMap(r -> r.columnNames().stream()).toList();

        for (String column : f32.columnNames()) {
            assertEquals("gpu", f32.backendOf(column));
            double[] a = f32.column(column, 0);
            double[] b = f64.column(column, 0);
            double worst = 0;
            for (int i = 0; i < a.length; i++) {
                assertEquals(Double.isNaN(b[i]), Double.isNaN(a[i]), column + " warm-up at bar " + i);
                if (!Double.isNaN(b[i])) {
                    assertTrue(Double.isFinite(a[i]), column + " at bar " + i + " is " + a[i]);
                    worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.abs(close[i]));
                }
            }
            if (priceLevel.contains(column)) {
                assertTrue(worst <= PRICE_LEVEL_BOUND, column + ": " + worst + " of the close in " + file);
            }
        }
    }
}
