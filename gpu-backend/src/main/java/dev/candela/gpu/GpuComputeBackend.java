package dev.candela.gpu;

import dev.candela.core.compute.ComputeBackend;
import dev.candela.core.compute.IndicatorResults;
import dev.candela.core.registry.ResolvedIndicator;
import dev.candela.gpu.kernel.DeviceKernel;
import dev.candela.gpu.kernel.DeviceKernels;
import dev.candela.spi.BarBatch;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The GPU backend's compute path. Indicators with a device kernel ({@link DeviceKernels}) run on the device
 * as batches of symbols ({@link DeviceBatchExecutor}); every other indicator, third-party plugins included,
 * runs on the CPU path through its own {@code compute}. Results say which backend computed each output
 * ({@link IndicatorResults#backendOf}): {@code gpu} or {@code cpu}.
 *
 * <p>ND4J is initialised on first use, never at wiring time, with the thread counts chosen for this machine.
 * Outside emulation it must have loaded its CUDA backend: if it fell back to nd4j-native (a CUDA library it
 * could not load), the GPU backend refuses to run rather than pretend.
 */
final class GpuComputeBackend implements ComputeBackend {
    private static final Logger LOG = LoggerFactory.getLogger(GpuComputeBackend.class);

    private final ComputeBackend cpuPath;
    private final int threads;
    private final boolean emulated;
    private final Supplier<DeviceBatchExecutor> executorFactory;
    private volatile DeviceBatchExecutor executor;

    /**
     * @param cpuPath         computes indicators without a device kernel, and everything when device memory
     *                        runs out
     * @param threads         native threads for ND4J
     * @param emulated        whether ND4J runs on nd4j-native in place of a GPU
     * @param executorFactory makes the device executor once ND4J is loaded
     */
    GpuComputeBackend(ComputeBackend cpuPath, int threads, boolean emulated,
                      Supplier<DeviceBatchExecutor> executorFactory) {
        this.cpuPath = Objects.requireNonNull(cpuPath, "cpuPath");
        this.threads = threads;
        this.emulated = emulated;
        this.executorFactory = Objects.requireNonNull(executorFactory, "executorFactory");
    }

    @Override
    public String name() {
        return "gpu";
    }

    @Override
    public IndicatorResults compute(List<ResolvedIndicator> indicators, BarBatch bars) {
        DeviceBatchExecutor device = ensureNd4j();
        List<DeviceBatchExecutor.Job> jobs = new ArrayList<>();
        List<Integer> jobPositions = new ArrayList<>();
        List<ResolvedIndicator> onCpu = new ArrayList<>();
        List<Integer> cpuPositions = new ArrayList<>();
        for (int i = 0; i < indicators.size(); i++) {
            ResolvedIndicator indicator = indicators.get(i);
            Optional<DeviceKernel> kernel = DeviceKernels.forIndicator(indicator.indicator(), indicator.parameters());
            if (kernel.isPresent()) {
                jobs.add(new DeviceBatchExecutor.Job(indicator, kernel.get()));
                jobPositions.add(i);
            } else {
                onCpu.add(indicator);
                cpuPositions.add(i);
            }
        }
        IndicatorResults.Computed[] ordered = new IndicatorResults.Computed[indicators.size()];
        List<IndicatorResults.Computed> fromDevice = device.compute(jobs, bars);
        for (int k = 0; k < fromDevice.size(); k++) {
            ordered[jobPositions.get(k)] = fromDevice.get(k);
        }
        if (!onCpu.isEmpty()) {
            List<IndicatorResults.Computed> fromCpu = cpuPath.compute(onCpu, bars).computed();
            for (int k = 0; k < fromCpu.size(); k++) {
                ordered[cpuPositions.get(k)] = fromCpu.get(k);
            }
        }
        return new IndicatorResults(Arrays.asList(ordered));
    }

    /** Loads ND4J once, applies the thread counts and checks its backend; returns the device executor. */
    DeviceBatchExecutor ensureNd4j() {
        DeviceBatchExecutor ready = executor;
        if (ready == null) {
            synchronized (this) {
                ready = executor;
                if (ready == null) {
                    Nd4jThreads.Settings settings = Nd4jThreads.apply(threads);
                    String backend = Nd4j.getBackend().getClass().getName();
                    if (!emulated && !Nd4jDeviceSet.isCuda(backend)) {
                        throw new IllegalStateException("the GPU backend needs ND4J's CUDA backend, but ND4J loaded "
                                + backend + " (is nd4j-cuda-11.6 on the class path and were its CUDA libraries found? "
                                + "ND4J logs why it skipped CUDA)");
                    }
                    ready = executorFactory.get();
                    LOG.info("ND4J backend {}{}, threads {}, {} precision", Nd4j.getBackend().getClass().getSimpleName(),
                            emulated ? " (GPU emulated on the CPU)" : "", settings,
                            ready.dataType().name().toLowerCase(java.util.Locale.ROOT));
                    executor = ready;
                }
            }
        }
        return ready;
    }

    /** The ND4J backend's class name, loading ND4J first if needed. */
    String nd4jBackend() {
        ensureNd4j();
        return Nd4j.getBackend().getClass().getName();
    }
}
