package org.example.schaff;

import dev.candela.core.Candela;
import dev.candela.core.compute.IndicatorResults;
import dev.candela.core.config.CandelaConfig;
import dev.candela.core.data.OhlcvSeries;
import dev.candela.core.hardware.CudaStatus;
import dev.candela.core.hardware.HardwareReport;
import dev.candela.core.market.SyntheticMarket;
import dev.candela.core.registry.ResolvedIndicator;
import dev.candela.core.runtime.BackendSelector;
import dev.candela.spi.PriceField;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** On the class path the plugin is found by ServiceLoader and runs under both backends. */
class RuntimeDiscoveryTest {
    private static final HardwareReport NO_GPU = new HardwareReport("Test CPU", 2, 2, 2, 8L << 30, 4L << 30,
            2L << 30, "Linux", "amd64", List.of(), CudaStatus.unavailable("no NVIDIA driver"), List.of());

    private static Candela runtime(String backend) {
        return Candela.builder().hardware(NO_GPU).config(CandelaConfig.defaults())
                .selector(BackendSelector.of(Map.of(BackendSelector.BACKEND_ENVIRONMENT_VARIABLE, backend,
                        BackendSelector.EMULATE_ENVIRONMENT_VARIABLE, "1"), Map.of()))
                .build();
    }

    @Test
    void theRegistryFindsTheIndicatorThroughServiceLoader() {
        try (Candela candela = runtime("cpu")) {
            assertInstanceOf(SchaffTrendCycle.class, candela.registry().indicator("stc"));
            assertEquals("stc(10,20,5,0.5)", candela.registry().resolveAll("stc(10,20,5,0.5)").get(0).spec());
        }
    }

    @Test
    void underTheGpuBackendItFallsBackToTheCpuPathWithIdenticalValues() {
        OhlcvSeries series = SyntheticMarket.defaultDataset().series(0);
        double[] expected = direct(series);
        try (Candela gpu = runtime("gpu")) {
            List<ResolvedIndicator> specs = gpu.registry().resolveAll("stc(23,50,10,0.5),rsi(14)");
            IndicatorResults results = gpu.compute().compute(specs, series);
            assertEquals("cpu", results.backendOf("stc(23,50,10,0.5)"), "a plugin without a device kernel runs on the CPU path");
            assertEquals("gpu", results.backendOf("rsi(14)"));
            assertArrayEquals(expected, results.column("stc(23,50,10,0.5)", 0), 0.0);
        }
    }

    /** The streaming path, fed bar by bar: the reference for the batch values. */
    private static double[] direct(OhlcvSeries series) {
        SchaffTrendCycle stc = new SchaffTrendCycle();
        double[] closes = series.column(PriceField.CLOSE).toArray();
        double[] out = new double[closes.length];
        var state = stc.newState(stc.bind());
        for (int i = 0; i < closes.length; i++) {
            state.update(series.timestamp(i), closes[i], closes[i], closes[i], closes[i], 0);
            out[i] = state.value();
        }
        return out;
    }
}
