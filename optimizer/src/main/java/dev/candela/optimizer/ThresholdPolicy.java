package dev.candela.optimizer;

import dev.candela.core.config.CandelaConfig;
import dev.candela.core.config.ResourceThresholds;
import dev.candela.core.hardware.HardwareReport;
import dev.candela.optimizer.report.Thresholds;

/**
 * Turns the configured thresholds into the ones acted on, deriving each one the configuration leaves
 * {@code null} from the hardware:
 * <ul>
 *   <li>CPU: all processors but half of one busy, {@code 1 - 0.5 / processors}, within [0.75, 0.95]: on two
 *       cores one idle thread already leaves a quarter free, on many cores saturation means nearly all.</li>
 *   <li>memory: leave the larger of 10% and 1 GiB of physical memory free, {@code 1 - max(0.10, 1 GiB /
 *       total)}, within [0.50, 0.90]: small machines need proportionally more room for the OS.</li>
 *   <li>GPU memory: {@code 1 - gpu.memoryHeadroomFraction}, the headroom the GPU backend already keeps for
 *       the driver and cuBLAS workspaces, at most 0.95.</li>
 * </ul>
 */
final class ThresholdPolicy {
    private static final long ONE_GIB = 1L << 30;

    private ThresholdPolicy() {
    }

    static Thresholds resolve(CandelaConfig config, HardwareReport hardware) {
        ResourceThresholds configured = config.optimizer().thresholds();
        boolean derived = configured.cpu() == null || configured.memory() == null || configured.gpuMemory() == null;
        double cpu = configured.cpu() != null ? configured.cpu() : cpuFor(hardware.availableProcessors());
        double memory = configured.memory() != null ? configured.memory() : memoryFor(hardware.totalMemoryBytes());
        double gpu = configured.gpuMemory() != null ? configured.gpuMemory()
                : Math.min(0.95, 1 - config.gpu().memoryHeadroomFraction());
        return new Thresholds(cpu, memory, gpu, derived);
    }

    static double cpuFor(int processors) {
        return clamp(1 - 0.5 / processors, 0.75, 0.95);
    }

    static double memoryFor(long totalMemoryBytes) {
        if (totalMemoryBytes <= 0) {
            return 0.85;
        }
        return clamp(1 - Math.max(0.10, (double) ONE_GIB / totalMemoryBytes), 0.50, 0.90);
    }

    private static double clamp(double value, double lo, double hi) {
        return Math.max(lo, Math.min(hi, value));
    }
}
