package dev.candela.core.runtime;

import com.google.inject.Module;

/**
 * Supplies the Guice module of one backend. Each backend jar registers one in
 * {@code META-INF/services/dev.candela.core.runtime.BackendModuleFactory}; the runtime detects the
 * hardware first, then takes the module of the chosen backend, so modules hold no conditional logic.
 */
public interface BackendModuleFactory {

    /** The backend whose module this is. */
    Backend backend();

    /** A new module binding at least {@link dev.candela.core.compute.ComputeBackend}. */
    Module create();
}
