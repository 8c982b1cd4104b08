package dev.candela.core.hardware;

import dev.candela.core.io.ByteSizes;

import java.util.List;
import java.util.Objects;

/**
 * An immutable snapshot of the machine, taken once at start-up by {@link HardwareProbe}.
 *
 * <p>Serialises to JSON with a plain Jackson {@code ObjectMapper} and reads back equal.
 *
 * @param cpuModel             the processor's marketing name, {@code "unknown"} when it could not be read
 * @param physicalCores        physical cores (hyper-threads not counted); at least 1
 * @param logicalCores         logical processors; at least 1
 * @param availableProcessors  processors this JVM may use ({@link Runtime#availableProcessors()}), which
 *                             honours container CPU limits that the core counts do not; at least 1
 * @param totalMemoryBytes     physical memory; 0 when unknown
 * @param availableMemoryBytes physical memory available at probe time; 0 when unknown
 * @param maxHeapBytes         the JVM's maximum heap ({@link Runtime#maxMemory()})
 * @param operatingSystem      e.g. {@code "GNU/Linux Debian GNU/Linux 12 (bookworm) build 6.1.0"}
 * @param architecture         the JVM's {@code os.arch}, e.g. {@code "amd64"}
 * @param gpus                 graphics cards the operating system lists (CUDA-capable or not)
 * @param cuda                 whether CUDA can run the GPU backend, with the driver's details
 * @param failures             parts of the probe that failed and were replaced by fallbacks
 */
public record HardwareReport(
        String cpuModel,
        int physicalCores,
        int logicalCores,
        int availableProcessors,
        long totalMemoryBytes,
        long availableMemoryBytes,
        long maxHeapBytes,
        String operatingSystem,
        String architecture,
        List<GpuInfo> gpus,
        CudaStatus cuda,
        List<ProbeFailure> failures) {

    public HardwareReport {
        Objects.requireNonNull(cpuModel, "cpuModel");
        Objects.requireNonNull(operatingSystem, "operatingSystem");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(cuda, "cuda");
        gpus = gpus == null ? List.of() : List.copyOf(gpus);
        failures = failures == null ? List.of() : List.copyOf(failures);
        if (physicalCores < 1 || logicalCores < 1 || availableProcessors < 1) {
            throw new IllegalArgumentException("core counts must be at least 1: physical=" + physicalCores
                    + ", logical=" + logicalCores + ", available=" + availableProcessors);
        }
        if (totalMemoryBytes < 0 || availableMemoryBytes < 0 || maxHeapBytes < 0) {
            throw new IllegalArgumentException("memory sizes must not be negative");
        }
    }

    /** One line for the start-up log. */
    public String summary() {
        return String.format("%s, %d physical / %d logical cores (%d for this JVM), %s RAM (%s available), %s max heap, %s %s, %s",
                cpuModel, physicalCores, logicalCores, availableProcessors, ByteSizes.format(totalMemoryBytes),
                ByteSizes.format(availableMemoryBytes), ByteSizes.format(maxHeapBytes), operatingSystem,
                architecture, cuda.usable() ? "CUDA usable" : "CUDA not usable: " + cuda.reason());
    }
}
