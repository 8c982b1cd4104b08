package dev.candela.optimizer.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Aggregates over all samples of a run.
 *
 * @param processCpuMean            mean of the known process CPU loads, {@code NaN} when none is known
 * @param processCpuMax             highest process CPU load
 * @param systemCpuMean             mean of the known system CPU loads
 * @param heapUsedMaxBytes          peak heap in use
 * @param heapMaxBytes              the maximum heap (the last sample's)
 * @param offHeapMaxBytes           peak off-heap memory
 * @param systemMemoryUsedMaxBytes  peak physical memory in use
 * @param systemMemoryTotalBytes    physical memory
 * @param gcTimeShare               garbage-collection time over wall time between the first and last sample
 * @param diskReadBytesPerSecMean   mean read rate
 * @param diskWriteBytesPerSecMean  mean write rate
 * @param gpuMemoryUsedMaxBytes     peak memory in use per device, by device index order of the samples
 */
public record ResourceSummary(double processCpuMean, double processCpuMax, double systemCpuMean,
                              long heapUsedMaxBytes, long heapMaxBytes, long offHeapMaxBytes,
                              long systemMemoryUsedMaxBytes, long systemMemoryTotalBytes, double gcTimeShare,
                              double diskReadBytesPerSecMean, double diskWriteBytesPerSecMean,
                              List<Long> gpuMemoryUsedMaxBytes) {

    public ResourceSummary {
        gpuMemoryUsedMaxBytes = gpuMemoryUsedMaxBytes == null ? List.of() : List.copyOf(gpuMemoryUsedMaxBytes);
    }

    /** The summary of {@code samples}, oldest first; every mean is {@code NaN} for no samples. */
    public static ResourceSummary of(List<ResourceSample> samples) {
        Mean processCpu = new Mean();
        Mean systemCpu = new Mean();
        Mean read = new Mean();
        Mean write = new Mean();
        double processCpuMax = Double.NaN;
        long heapUsedMax = 0;
        long heapMax = 0;
        long offHeapMax = 0;
        long systemUsedMax = 0;
        long systemTotal = 0;
        List<Long> gpuMax = new ArrayList<>();
        for (ResourceSample s : samples) {
            processCpu.add(s.processCpu());
            systemCpu.add(s.systemCpu());
            read.add(s.diskReadBytesPerSec());
            write.add(s.diskWriteBytesPerSec());
            if (!Double.isNaN(s.processCpu())) {
                processCpuMax = Double.isNaN(processCpuMax) ? s.processCpu() : Math.max(processCpuMax, s.processCpu());
            }
            heapUsedMax = Math.max(heapUsedMax, s.heapUsedBytes());
            heapMax = s.heapMaxBytes();
            offHeapMax = Math.max(offHeapMax, s.offHeapBytes());
            systemUsedMax = Math.max(systemUsedMax, s.systemMemoryUsedBytes());
            systemTotal = s.systemMemoryTotalBytes();
            for (int g = 0; g < s.gpus().size(); g++) {
                long used = s.gpus().get(g).usedBytes();
                if (g < gpuMax.size()) {
                    gpuMax.set(g, Math.max(gpuMax.get(g), used));
                } else {
                    gpuMax.add(used);
                }
            }
        }
        double gcShare = Double.NaN;
        if (samples.size() >= 2) {
            ResourceSample first = samples.get(0);
            ResourceSample last = samples.get(samples.size() - 1);
            long wall = last.timeMillis() - first.timeMillis();
            if (wall > 0) {
                gcShare = Math.min(1, Math.max(0, (double) (last.gcTimeMillis() - first.gcTimeMillis()) / wall));
            }
        }
        return new ResourceSummary(processCpu.value(), processCpuMax, systemCpu.value(), heapUsedMax, heapMax,
                offHeapMax, systemUsedMax, systemTotal, gcShare, read.value(), write.value(), gpuMax);
    }

    /** A mean that skips unknown ({@code NaN}) values. */
    private static final class Mean {
        private double sum;
        private int count;

        void add(double value) {
            if (!Double.isNaN(value)) {
                sum += value;
                count++;
            }
        }

        double value() {
            return count == 0 ? Double.NaN : sum / count;
        }
    }
}
