package dev.candela.optimizer;

import dev.candela.core.config.CandelaConfig;
import dev.candela.core.config.OptimizerConfig;
import dev.candela.core.config.ResourceThresholds;
import dev.candela.core.hardware.CudaStatus;
import dev.candela.core.hardware.HardwareReport;

import java.util.List;

/** Hardware reports and configurations for tests. */
final class Machines {
    static final long GIB = 1L << 30;

    private Machines() {
    }

    static HardwareReport cpuOnly(int cores, long memoryBytes) {
        return new HardwareReport("Test CPU", cores, cores, cores, memoryBytes, memoryBytes / 2, 2 * GIB, "Test OS",
                "amd64", List.of(), CudaStatus.unavailable("no driver"), List.of());
    }

    static HardwareReport withCuda(int cores, long memoryBytes) {
        return new HardwareReport("Test CPU", cores, cores, cores, memoryBytes, memoryBytes / 2, 2 * GIB, "Test OS",
                "amd64", List.of(), new CudaStatus(true, "1 device", true, "libcuda.so", "12.4", 1, List.of()),
                List.of());
    }

    /** A configuration with fixed thresholds: CPU 0.9, memory 0.8, GPU memory 0.9. */
    static CandelaConfig fixedThresholds() {
        return CandelaConfig.builder().optimizer(new OptimizerConfig(1000, new ResourceThresholds(0.9, 0.8, 0.9)))
                .build();
    }
}
