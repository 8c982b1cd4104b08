package dev.candela.optimizer.report;

/**
 * One device's memory at one sample.
 *
 * @param index      the device's index as its backend numbers it
 * @param name       the device's name
 * @param usedBytes  memory in use
 * @param totalBytes memory the device has
 */
public record GpuMemorySample(int index, String name, long usedBytes, long totalBytes) {

    /** Used over total, 0 for a device that reports no memory. */
    public double utilisation() {
        return totalBytes > 0 ? (double) usedBytes / totalBytes : 0;
    }
}
