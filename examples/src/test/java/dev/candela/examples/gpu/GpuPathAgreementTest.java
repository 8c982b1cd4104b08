package dev.candela.examples.gpu;

import dev.candela.core.Candela;
import dev.candela.core.compute.IndicatorResults;
import dev.candela.core.data.OhlcvSeries;
import dev.candela.core.data.SymbolBatch;
import dev.candela.core.registry.ResolvedIndicator;
import dev.candela.gpu.DeviceAgreement;
import dev.candela.gpu.GpuSelfCheck;
import dev.candela.spi.BarBatch;
import dev.candela.spi.PriceField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The GPU backend's ND4J path, emulated on nd4j-native, against the CPU backend on the real market files:
 * every device kernel, with usual, short and long parameters, at every bar of every file, within 1e-9
 * relative (absolute below 1) and nothing more: stddev and bbands included, with no allowance for TA-Lib's
 * drift, since on nd4j-native the device replays TA-Lib's running sums.
 */
class GpuPathAgreementTest {
    /** The self-check's specs and the edges of the parameter ranges. */
    private static final List<String> SPECS = specs();

    private static Candela gpu;
    private static Candela cpu;

    private static List<String> specs() {
        List<String> specs = new ArrayList<>(GpuSelfCheck.defaultSpecs());
        specs.addAll(List.of("sma(2)", "ema(2)", "wma(2)", "dema(2)", "tema(2)", "macd(2,3,2)", "rsi(100)",
                "atr(100)", "natr(1)", "adx(50)", "stddev(2,1)", "bbands(200,3)", "willr(2)", "stoch(1,1,1)",
                "aroon(2)", "cci(2)", "cci(100)", "mom(1)", "roc(1)", "sma(1000)", "ema(1000)", "wma(500)"));
        return List.copyOf(specs);
    }

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

    static List<String> files() {
        return SharedData.files();
    }

    private static void assertAgree(BarBatch bars, String what) {
        List<ResolvedIndicator> indicators = gpu.registry().resolveAll(String.join(",", SPECS));
        IndicatorResults onDevice = gpu.compute().compute(indicators, bars);
        IndicatorResults onCpu = cpu.compute().compute(indicators, bars);
        List<String> failures = new ArrayList<>();
        for (ResolvedIndicator indicator : indicators) {
            List<String> columns = indicator.columnNames();
            for (int o = 0; o < columns.size(); o++) {
                String column = columns.get(o);
                assertEquals("gpu", onDevice.backendOf(column), column + " has a device kernel");
                for (int s = 0; s < bars.symbolCount(); s++) {
                    DeviceAgreement.Worst worst = DeviceAgreement.compare(onDevice.column(column, s),
                            onCpu.column(column, s), bars.column(PriceField.CLOSE, s).toArray(), 0.0);
                    if (!worst.agrees()) {
                        failures.add(what + " " + bars.symbol(s) + " " + column + ": " + worst);
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void everyDeviceKernelAgreesWithTheCpuBackendOnRealData(String file) {
        assertAgree(SharedData.read(file), file);
    }

    @Test
    void batchesOfAlignedSymbolsWithMissingBarsAgreeSymbolBySymbol() {
        OhlcvSeries btc = SharedData.read(SharedData.BTC_1H);
        OhlcvSeries eth = SharedData.read(SharedData.ETH_1H);
        // The hourly files have different gaps and start years apart: many bars missing on either side.
        SymbolBatch hourly = SymbolBatch.align(List.of(btc, eth));
        assertTrue(hourly.barsPresent(0) < hourly.barCount() && hourly.barsPresent(1) < hourly.barCount());

        assertAgree(hourly, "1h batch");
        assertAgree(SymbolBatch.align(List.of(SharedData.read(SharedData.BTC_1M), SharedData.read(SharedData.ETH_1M))),
                "1m batch");
    }
}
