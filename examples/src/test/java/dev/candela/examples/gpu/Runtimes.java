package dev.candela.examples.gpu;

import dev.candela.core.Candela;
import dev.candela.core.config.CandelaConfig;
import dev.candela.core.hardware.CudaStatus;
import dev.candela.core.hardware.HardwareReport;
import dev.candela.core.runtime.BackendSelector;

import java.util.List;
import java.util.Map;

/**
 * Candela runtimes over the real plugin registry of this module's class path: the GPU backend emulated on
 * nd4j-native, chosen as a user would (CANDELA_BACKEND=gpu, CANDELA_GPU_EMULATE=1), and the CPU backend.
 */
final class Runtimes {
    private static final HardwareReport NO_GPU = new HardwareReport("Test CPU", 2, 2, 2, 8L << 30, 4L << 30,
            2L << 30, "Linux", "amd64", List.of(), CudaStatus.unavailable("no NVIDIA driver"), List.of());

    private Runtimes() {
    }

    static Candela emulatedGpu(CandelaConfig config) {
        return Candela.builder().hardware(NO_GPU).config(config)
                .selector(BackendSelector.of(Map.of(BackendSelector.BACKEND_ENVIRONMENT_VARIABLE, "gpu",
                        BackendSelector.EMULATE_ENVIRONMENT_VARIABLE, "1"), Map.of()))
                .build();
    }

    static Candela emulatedGpu() {
        return emulatedGpu(CandelaConfig.defaults());
    }

    static Candela cpu() {
        return Candela.builder().hardware(NO_GPU).config(CandelaConfig.defaults())
                .selector(BackendSelector.of(Map.of(BackendSelector.BACKEND_ENVIRONMENT_VARIABLE, "cpu"), Map.of()))
                .build();
    }
}
