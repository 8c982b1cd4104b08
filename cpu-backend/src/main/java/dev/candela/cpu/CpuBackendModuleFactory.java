package dev.candela.cpu;

import com.google.inject.Module;
import dev.candela.core.runtime.Backend;
import dev.candela.core.runtime.BackendModuleFactory;

/** Registers {@link CpuBackendModule} for the {@link Backend#CPU} choice. */
public final class CpuBackendModuleFactory implements BackendModuleFactory {
    @Override
    public Backend backend() {
        return Backend.CPU;
    }

    @Override
    public Module create() {
        return new CpuBackendModule();
    }
}
