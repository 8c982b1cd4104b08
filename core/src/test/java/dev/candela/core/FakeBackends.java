package dev.candela.core;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Provides;
import dev.candela.core.compute.ComputeBackend;
import dev.candela.core.compute.ComputePool;
import dev.candela.core.compute.ParallelIndicatorEngine;
import dev.candela.core.runtime.Backend;
import dev.candela.core.runtime.BackendModuleFactory;
import dev.candela.spi.Profiler;

/** Backend modules for wiring tests, registered in this module's test resources. */
public final class FakeBackends {
    private FakeBackends() {
    }

    static Module module(String name) {
        return new AbstractModule() {
            @Provides
            ComputeBackend backend(ComputePool pool, Profiler profiler) {
                return new ParallelIndicatorEngine(name, pool.executor(), pool.parallelism(), profiler);
            }
        };
    }

    /** Stands in for the CPU backend jar. */
    public static final class Cpu implements BackendModuleFactory {
        @Override
        public Backend backend() {
            return Backend.CPU;
        }

        @Override
        public Module create() {
            return module("fake-cpu");
        }
    }

    /** Stands in for the GPU backend jar. */
    public static final class Gpu implements BackendModuleFactory {
        @Override
        public Backend backend() {
            return Backend.GPU;
        }

        @Override
        public Module create() {
            return module("fake-gpu");
        }
    }
}
