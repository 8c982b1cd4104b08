package dev.candela.examples.gpu;

import dev.candela.core.Candela;
import dev.candela.core.compute.IndicatorResults;
import dev.candela.core.data.OhlcvSeries;
import dev.candela.spi.PriceField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.MathContext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The device's rolling deviations against exact arithmetic. TA-Lib (and the CPU backend with it) drifts
 * from the exact value on minute bars, so the CPU backend is not the reference here: the deviations and
 * bands must equal the exact ones within 1e-9, relative with a floor of 1, at every bar.
 */
class DeviationExactnessTest {
    private static Candela gpu;

    @BeforeAll
    static void start() {
        gpu = Runtimes.emulatedGpu();
    }

    @AfterAll
    static void stop() {
        gpu.close();
    }

    /**
     * Population deviations of every window from exact running sums (a decimal expansion of a double is
     * exact, and so are sums and products of them), with TA-Lib's zero below a variance of 1e-8.
     */
    private static double[] exactDeviations(double[] x, int period) {
        double[] sigma = new double[x.length];
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal squares = BigDecimal.ZERO;
        BigDecimal n = BigDecimal.valueOf(period);
        for (int i = 0; i < x.length; i++) {
            BigDecimal v = new BigDecimal(x[i]);
            sum = sum.add(v);
            squares = squares.add(v.multiply(v));
            if (i >= period) {
                BigDecimal old = new BigDecimal(x[i - period]);
                sum = sum.subtract(old);
                squares = squares.subtract(old.multiply(old));
            }
            if (i >= period - 1) {
                // (n * sum(x^2) - sum(x)^2) / n^2, exact until the one division.
                double variance = n.multiply(squares).subtract(sum.multiply(sum))
                        .divide(n.multiply(n), MathContext.DECIMAL128).doubleValue();
                sigma[i] = variance < 1e-8 ? 0.0 : Math.sqrt(variance);
            } else {
                sigma[i] = Double.NaN;
            }
        }
        return sigma;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {SharedData.BTC_1M, SharedData.ETH_1M, SharedData.BTC_1H})
    void deviationsAndBandsEqualExactArithmetic(String file) {
        OhlcvSeries series = SharedData.read(file);
        double[] close = series.column(PriceField.CLOSE).toArray();
        IndicatorResults r = gpu.compute().compute(gpu.registry().resolveAll("stddev(5,1),stddev(20,2),bbands(20,2)"),
                series);

        double[] exact5 = exactDeviations(close, 5);
        double[] exact20 = exactDeviations(close, 20);
        int flat = 0;
        for (int i = 19; i < close.length; i++) {
            assertEquals(exact5[i], r.column("stddev(5,1)", 0)[i], 1e-9 * Math.max(1, exact5[i]), "stddev(5) at " + i);
            assertEquals(2 * exact20[i], r.column("stddev(20,2)", 0)[i], 1e-9 * Math.max(1, 2 * exact20[i]),
                    "stddev(20) at " + i);
            double middle = r.column("bbands(20,2).middle", 0)[i];
            assertEquals(middle + 2 * exact20[i], r.column("bbands(20,2).upper", 0)[i], 1e-9 * middle, "upper at " + i);
            assertEquals(middle - 2 * exact20[i], r.column("bbands(20,2).lower", 0)[i], 1e-9 * middle, "lower at " + i);
            flat += exact5[i] == 0 ? 1 : 0;
        }
        assertEquals("gpu", r.backendOf("stddev(5,1)"));
        if (file.contains("-1m-")) {
            assertTrue(flat > 0, "minute files have flat windows, where a one-pass variance is not exactly 0");
        }
    }
}
