package dev.candela.gpu;

import com.google.inject.Key;
import com.google.inject.Stage;
import dev.candela.core.Candela;
import dev.candela.core.compute.ComputeBackend;
import dev.candela.core.compute.IndicatorResults;
import dev.candela.core.compute.ParallelIndicatorEngine;
import dev.candela.core.config.CandelaConfig;
import dev.candela.core.hardware.CudaStatus;
import dev.candela.core.hardware.HardwareReport;
import dev.candela.core.registry.ResolvedIndicator;
import dev.candela.core.runtime.BackendSelector;
import dev.candela.spi.BarBatch;
import dev.candela.spi.Column;
import dev.candela.spi.Indicator;
import dev.candela.spi.Parameters;
import dev.candela.spi.PriceField;
import dev.candela.spi.Profiler;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GpuBackendModuleTest {
    private static final HardwareReport NO_GPU = new HardwareReport("Test CPU", 2, 2, 2, 8L << 30, 4L << 30,
            2L << 30, "Linux", "amd64", List.of(), CudaStatus.unavailable("no NVIDIA driver"), List.of());

    private static Candela emulatedGpu(Stage stage) {
        return Candela.builder().hardware(NO_GPU).config(CandelaConfig.defaults())
                .selector(BackendSelector.of(Map.of("CANDELA_BACKEND", "gpu", "CANDELA_GPU_EMULATE", "1"), Map.of()))
                .stage(stage).build();
    }

    @Test
    void wiringNeedsNoHardware() {
        try (Candela candela = emulatedGpu(Stage.TOOL)) {
            assertTrue(candela.injector().getBindings().containsKey(Key.get(ComputeBackend.class)));
        }
    }

    @Test
    void emulatedGpuRunsKernelsOnNd4jNativeAndHandsTheRestToTheCpuPathInRequestOrder() {
        try (Candela candela = emulatedGpu(Stage.DEVELOPMENT)) {
            assertTrue(candela.backend().emulated());
            ComputeBackend gpu = candela.compute();
            assertEquals("gpu", gpu.name());
            Indicator sma = new TestIndicators.Sma();
            ResolvedIndicator doubled = new ResolvedIndicator(new TestIndicators.Doubled(), Parameters.none());
            ResolvedIndicator sma3 = new ResolvedIndicator(sma, sma.bind(3));

            IndicatorResults r = gpu.compute(List.of(doubled, sma3), new OneSeries(new double[] {1, 2.5, -3, 6}));

            assertEquals(List.of("doubled", "sma(3)"), r.columnNames());
            assertArrayEquals(new double[] {2, 5, -6, 12}, r.column("doubled", 0));
            assertEquals("cpu", r.backendOf("doubled"), "no device kernel: computed on the CPU path");
            assertArrayEquals(new double[] {Double.NaN, Double.NaN, 0.5 / 3, 5.5 / 3}, r.column("sma(3)", 0), 1e-15);
            assertEquals("gpu", r.backendOf("sma(3)"));
            assertEquals("org.nd4j.linalg.cpu.nativecpu.CpuBackend", ((GpuComputeBackend) gpu).nd4jBackend());
            assertEquals(candela.threads().count(), Nd4jThreads.current().blasThreads());
        }
    }

    @Test
    void refusesToRunOnNd4jNativeUnlessEmulated() {
        ComputeBackend cpu = new ParallelIndicatorEngine("cpu", Runnable::run, 1, Profiler.disabled());
        GpuComputeBackend real = new GpuComputeBackend(cpu, 1, false, () -> {
            throw new AssertionError("no executor without CUDA");
        });
        Indicator sma = new TestIndicators.Sma();

        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> real.compute(List.of(new ResolvedIndicator(sma, sma.bind(3))), new OneSeries(new double[] {1, 2, 3})));

        assertTrue(e.getMessage().contains("needs ND4J's CUDA backend") && e.getMessage().contains("CpuBackend"),
                e.getMessage());
    }

    /** One symbol whose fields all equal the given closes. */
    record OneSeries(double[] close) implements BarBatch {
        @Override
        public int symbolCount() {
            return 1;
        }

        @Override
        public int barCount() {
            return close.length;
        }

        @Override
        public String symbol(int symbol) {
            return "T";
        }

        @Override
        public long timestamp(int bar) {
            return bar * 3_600_000L;
        }

        @Override
        public Column column(PriceField field, int symbol) {
            return Column.of(close);
        }
    }
}
