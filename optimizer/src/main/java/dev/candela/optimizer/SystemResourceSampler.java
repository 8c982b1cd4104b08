package dev.candela.optimizer;

import dev.candela.optimizer.report.GpuMemorySample;
import dev.candela.optimizer.report.ResourceSample;
import dev.candela.spi.DeviceMemoryGauge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Reads the machine with Oshi (CPU loads, physical memory, this process's disk bytes), the JVM with its
 * management beans (heap, GC time, NIO buffer pools), JavaCPP's native allocations, and each registered
 * {@link DeviceMemoryGauge}. A part that cannot be read is left unknown ({@code NaN}, 0) instead of failing
 * the sample. Used by one thread at a time.
 */
final class SystemResourceSampler implements ResourceSampler {
    private static final Logger LOG = LoggerFactory.getLogger(SystemResourceSampler.class);

    private final CentralProcessor processor;
    private final GlobalMemory memory;
    private final OperatingSystem os;
    private final int pid;
    private final int logicalProcessors;
    private final MemoryMXBean heap = ManagementFactory.getMemoryMXBean();
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final List<BufferPoolMXBean> bufferPools = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class);
    private final JavaCppMemory javacpp = JavaCppMemory.find(SystemResourceSampler.class.getClassLoader());
    private final Collection<DeviceMemoryGauge> gauges;

    private long[] priorTicks;
    private OSProcess priorProcess;
    private long priorNanos;
    private long priorRead;
    private long priorWritten;
    private boolean warned;

    /** @param gauges read at every sample, so gauges registered later are included */
    SystemResourceSampler(Collection<DeviceMemoryGauge> gauges) {
        this.gauges = gauges;
        SystemInfo system = new SystemInfo();
        this.processor = system.getHardware().getProcessor();
        this.memory = system.getHardware().getMemory();
        this.os = system.getOperatingSystem();
        this.pid = os.getProcessId();
        this.logicalProcessors = Math.max(1, processor.getLogicalProcessorCount());
        this.priorTicks = processor.getSystemCpuLoadTicks();
        this.priorProcess = os.getProcess(pid);
        this.priorNanos = System.nanoTime();
        if (priorProcess != null) {
            priorRead = priorProcess.getBytesRead();
            priorWritten = priorProcess.getBytesWritten();
        }
    }

    @Override
    public ResourceSample sample() {
        long now = System.currentTimeMillis();
        long nanos = System.nanoTime();
        double seconds = (nanos - priorNanos) / 1e9;
        priorNanos = nanos;

        double systemCpu = Double.NaN;
        double processCpu = Double.NaN;
        double readRate = Double.NaN;
        double writeRate = Double.NaN;
        long memoryTotal = 0;
        long memoryUsed = 0;
        try {
            long[] ticks = processor.getSystemCpuLoadTicks();
            systemCpu = loadBetween(priorTicks, ticks);
            if (!Double.isNaN(systemCpu)) {
                priorTicks = ticks;
            }
            memoryTotal = memory.getTotal();
            memoryUsed = Math.max(0, memoryTotal - memory.getAvailable());
            OSProcess process = os.getProcess(pid);
            if (process != null) {
                if (priorProcess != null) {
                    // Oshi's process load counts one busy core as 1; the report's loads are of the whole machine.
                    processCpu = clamp(process.getProcessCpuLoadBetweenTicks(priorProcess) / logicalProcessors);
                }
                if (seconds > 0) {
                    readRate = Math.max(0, process.getBytesRead() - priorRead) / seconds;
                    writeRate = Math.max(0, process.getBytesWritten() - priorWritten) / seconds;
                }
                priorRead = process.getBytesRead();
                priorWritten = process.getBytesWritten();
                priorProcess = process;
            }
        } catch (RuntimeException e) {
            if (!warned) {
                warned = true;
                LOG.warn("reading CPU, memory or disk figures failed; they stay unknown: {}", e.toString());
            }
        }

        MemoryUsage heapUsage = heap.getHeapMemoryUsage();
        long heapMax = heapUsage.getMax() > 0 ? heapUsage.getMax() : Runtime.getRuntime().maxMemory();
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : collectors) {
            gcMillis += Math.max(0, gc.getCollectionTime());
        }
        long offHeap = javacpp.trackedBytes();
        for (BufferPoolMXBean pool : bufferPools) {
            offHeap += Math.max(0, pool.getMemoryUsed());
        }
        List<GpuMemorySample> gpus = new ArrayList<>();
        for (DeviceMemoryGauge gauge : gauges) {
            try {
                for (DeviceMemoryGauge.DeviceMemory d : gauge.devices()) {
                    gpus.add(new GpuMemorySample(d.index(), d.name(), Math.max(0, d.totalBytes() - d.freeBytes()),
                            d.totalBytes()));
                }
            } catch (RuntimeException e) {
                LOG.debug("device memory gauge {} failed", gauge, e);
            }
        }
        return new ResourceSample(now, processCpu, systemCpu, memoryUsed, memoryTotal, heapUsage.getUsed(), heapMax,
                gcMillis, offHeap, readRate, writeRate, gpus);
    }

    /**
     * The busy share of the processor time between two tick readings; {@code NaN} when they are equal, which
     * happens when samples come faster than Oshi refreshes its cached reading (300 ms by default).
     */
    static double loadBetween(long[] before, long[] after) {
        long total = 0;
        for (int i = 0; i < after.length; i++) {
            total += after[i] - before[i];
        }
        if (total <= 0) {
            return Double.NaN;
        }
        long idle = after[CentralProcessor.TickType.IDLE.getIndex()] - before[CentralProcessor.TickType.IDLE.getIndex()]
                + after[CentralProcessor.TickType.IOWAIT.getIndex()] - before[CentralProcessor.TickType.IOWAIT.getIndex()];
        return clamp((double) (total - idle) / total);
    }

    private static double clamp(double load) {
        return Double.isNaN(load) || load < 0 ? Double.NaN : Math.min(1, load);
    }
}
