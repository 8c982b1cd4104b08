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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The device's rolling deviations on real minute and hourly bars: equal to the CPU backend's at every bar
 * (bit for bit, where the 1e-9 rule alone would already be strict), although both differ from exact
 * arithmetic by far more than 1e-9 on minute bars. So the device does not merely happen to be close to
 * TA-Lib: it follows TA-Lib's running sums, which is what the agreement needs.
 */
class DeviationReplayTest {
    private static Candela gpu;
    private static Candela cpu;

    @BeforeAll
    static void start() {
        gpu = Runtimes.emulatedGpu();
        cpu = Runtimes.cpu();
    }

    @AfterAll
    static void stop() {
        gpu.close();
        cpu.close();
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
    void deviationsAndBandsEqualTheCpuBackendsWhereBothDriftFromExactArithmetic(String file) {
        OhlcvSeries series = SharedData.read(file);
        double[] close = series.column(PriceField.CLOSE).toArray();
        String specs = "stddev(5,1),stddev(20,2),bbands(20,2)";
        IndicatorResults device = gpu.compute().compute(gpu.registry().resolveAll(specs), series);
        IndicatorResults reference = cpu.compute().compute(cpu.registry().resolveAll(specs), series);

        for (String column : List.of("stddev(5,1)", "stddev(20,2)", "bbands(20,2).upper", "bbands(20,2).middle",
                "bbands(20,2).lower")) {
            assertEquals("gpu", device.backendOf(column));
            assertArrayEquals(reference.column(column, 0), device.column(column, 0), 0.0, column);
        }
        double[] exact5 = exactDeviations(close, 5);
        double[] stddev5 = device.column("stddev(5,1)", 0);
        double worst = 0;
        for (int i = 4; i < close.length; i++) {
            worst = Math.max(worst, Math.abs(stddev5[i] - exact5[i]) / Math.max(1, exact5[i]));
        }
        if (file.contains("-1m-")) {
            assertTrue(worst > 1e-9, "on minute bars TA-Lib's one-pass deviation is off exact by " + worst);
        }
    }
}
