package dev.candela.gpu;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.candela.core.compute.ComputeBackend;
import dev.candela.core.compute.ComputePool;
import dev.candela.core.compute.ParallelIndicatorEngine;
import dev.candela.core.config.CandelaConfig;
import dev.candela.core.config.GpuConfig;
import dev.candela.core.runtime.BackendSelection;
import dev.candela.core.runtime.NativeThreads;
import dev.candela.spi.Profiler;
import org.nd4j.linalg.api.buffer.DataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GPU backend's bindings.
 *
 * <p>Provides: {@link ComputeBackend}, named {@code gpu}: indicators with a device kernel run as batches
 * on ND4J (CUDA, or nd4j-native when emulated) in the precision and with the memory headroom of the
 * configuration's {@code gpu} section; the others run on the CPU path over the runtime's compute threads.
 * ND4J is loaded on first use, not here.
 */
public final class GpuBackendModule extends AbstractModule {
    private static final Logger LOG = LoggerFactory.getLogger(GpuBackendModule.class);

    @Provides
    @Singleton
    ComputeBackend computeBackend(ComputePool pool, Profiler profiler, NativeThreads threads,
                                  BackendSelection selection, CandelaConfig config) {
        ComputeBackend cpuPath = new ParallelIndicatorEngine("cpu", pool.executor(), pool.parallelism(), profiler);
        GpuConfig gpu = config.gpu();
        DataType type = gpu.float32() ? DataType.FLOAT : DataType.DOUBLE;
        return new GpuComputeBackend(cpuPath, threads.count(), selection.emulated(),
                () -> new DeviceBatchExecutor(Nd4jDeviceSet.ofLoadedBackend(), Transfers::upload,
                        DeviceWorkers.shared(), cpuPath, type, gpu.memoryHeadroomFraction(),
                        DeviceBatchExecutor.DEFAULT_MAX_SPLITS, LOG::warn, () -> Nd4jThreads.apply(threads.count())));
    }
}
