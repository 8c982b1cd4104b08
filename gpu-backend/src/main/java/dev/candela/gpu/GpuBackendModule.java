package dev.candela.gpu;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.candela.core.compute.ComputeBackend;
import dev.candela.core.compute.ComputePool;
import dev.candela.core.compute.ParallelIndicatorEngine;
import dev.candela.core.runtime.BackendSelection;
import dev.candela.core.runtime.NativeThreads;
import dev.candela.spi.Profiler;

/**
 * The GPU backend's bindings.
 *
 * <p>Provides: {@link ComputeBackend}, named {@code gpu}: ND4J-backed, loading ND4J lazily with the
 * runtime's thread counts, and handing indicators without a device kernel to the CPU path over the
 * runtime's compute threads.
 */
public final class GpuBackendModule extends AbstractModule {

    @Provides
    @Singleton
    ComputeBackend computeBackend(ComputePool pool, Profiler profiler, NativeThreads threads, BackendSelection selection) {
        ComputeBackend cpuPath = new ParallelIndicatorEngine("cpu", pool.executor(), pool.parallelism(), profiler);
        return new GpuComputeBackend(cpuPath, threads.count(), selection.emulated());
    }
}
