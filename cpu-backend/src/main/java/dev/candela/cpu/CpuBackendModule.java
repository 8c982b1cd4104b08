package dev.candela.cpu;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.candela.core.compute.ComputeBackend;
import dev.candela.core.compute.ComputePool;
import dev.candela.core.compute.ParallelIndicatorEngine;
import dev.candela.spi.Profiler;

/**
 * The CPU backend's bindings.
 *
 * <p>Provides: {@link ComputeBackend}, a {@link ParallelIndicatorEngine} named {@code cpu} that splits
 * each batch by symbol across the runtime's compute threads.
 */
public final class CpuBackendModule extends AbstractModule {

    @Provides
    @Singleton
    ComputeBackend computeBackend(ComputePool pool, Profiler profiler) {
        return new ParallelIndicatorEngine("cpu", pool.executor(), pool.parallelism(), profiler);
    }
}
