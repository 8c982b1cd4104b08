package dev.candela.optimizer.report;

import dev.candela.core.hardware.HardwareReport;

import java.util.List;

/**
 * The machine a report was made on.
 *
 * @param cpuModel     the processor's name
 * @param logicalCores logical processors
 * @param memoryBytes  physical memory
 * @param gpus         graphics cards the operating system lists
 */
public record HardwareSummary(String cpuModel, int logicalCores, long memoryBytes, List<Gpu> gpus) {

    public HardwareSummary {
        gpus = gpus == null ? List.of() : List.copyOf(gpus);
    }

    /** The summary of a probe's findings. */
    public static HardwareSummary of(HardwareReport report) {
        return new HardwareSummary(report.cpuModel(), report.logicalCores(), report.totalMemoryBytes(),
                report.gpus().stream().map(g -> new Gpu(g.name(), g.vendor(), g.vramBytes())).toList());
    }

    /**
     * A graphics card.
     *
     * @param name      its name
     * @param vendor    its vendor
     * @param vramBytes its memory, 0 when the operating system does not tell
     */
    public record Gpu(String name, String vendor, long vramBytes) {
    }
}
