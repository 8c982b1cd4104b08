package dev.candela.gpu;

import com.google.inject.Module;
import dev.candela.core.runtime.Backend;
import dev.candela.core.runtime.BackendModuleFactory;

/** Registers {@link GpuBackendModule} for the {@link Backend#GPU} choice. */
public final class GpuBackendModuleFactory implements BackendModuleFactory {
    @Override
    public Backend backend() {
        return Backend.GPU;
    }

    @Override
    public Module create() {
        return new GpuBackendModule();
    }
}
