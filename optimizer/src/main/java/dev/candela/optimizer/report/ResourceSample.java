package dev.candela.optimizer.report;

import java.util.List;

/**
 * The machine and the JVM at one moment.
 *
 * @param timeMillis              when, in epoch milliseconds
 * @param processCpu              this process's CPU load since the previous sample, a fraction of all
 *                                logical processors in [0, 1]; {@code NaN} when unknown
 * @param systemCpu               the whole machine's CPU load since the previous sample, in [0, 1];
 *                                {@code NaN} when unknown
 * @param systemMemoryUsedBytes   physical memory in use (total minus available)
 * @param systemMemoryTotalBytes  physical memory
 * @param heapUsedBytes           JVM heap in use
 * @param heapMaxBytes            the JVM's maximum heap
 * @param gcTimeMillis            time all garbage collectors have spent since the JVM started (cumulative)
 * @param offHeapBytes            direct and mapped NIO buffers plus JavaCPP's tracked native memory (ND4J)
 * @param diskReadBytesPerSec     bytes this process read from storage per second since the previous sample
 * @param diskWriteBytesPerSec    bytes this process wrote to storage per second since the previous sample
 * @param gpus                    memory of each accelerator device the backend reports
 */
public record ResourceSample(long timeMillis, double processCpu, double systemCpu, long systemMemoryUsedBytes,
                             long systemMemoryTotalBytes, long heapUsedBytes, long heapMaxBytes, long gcTimeMillis,
                             long offHeapBytes, double diskReadBytesPerSec, double diskWriteBytesPerSec,
                             List<GpuMemorySample> gpus) {

    public ResourceSample {
        gpus = gpus == null ? List.of() : List.copyOf(gpus);
    }

    /** Heap in use over the maximum heap; 0 when the maximum is unknown. */
    public double heapUtilisation() {
        return heapMaxBytes > 0 ? (double) heapUsedBytes / heapMaxBytes : 0;
    }

    /** Physical memory in use over physical memory; 0 when unknown. */
    public double systemMemoryUtilisation() {
        return systemMemoryTotalBytes > 0 ? (double) systemMemoryUsedBytes / systemMemoryTotalBytes : 0;
    }
}
