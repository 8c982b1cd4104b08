package dev.candela.core;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.candela.core.compute.ComputePool;
import dev.candela.core.config.CandelaConfig;
import dev.candela.core.features.cache.FeatureCache;
import dev.candela.core.hardware.HardwareReport;
import dev.candela.core.registry.PluginRegistry;
import dev.candela.core.runtime.BackendSelection;
import dev.candela.core.runtime.NativeThreads;
import dev.candela.spi.Profiler;

import java.util.Objects;

/**
 * Binds what the runtime decided before the injector existed, so backends and features can inject it.
 *
 * <p>Bindings: {@link CandelaConfig}, {@link HardwareReport}, {@link BackendSelection},
 * {@link NativeThreads}, {@link PluginRegistry}, {@link ComputePool}, {@link RuntimeLifecycle}, {@link Profiler} (disabled
 * unless a user module overrides it) and one {@link FeatureCache} sized by {@code cache.maxBytes}.
 */
final class CoreModule extends AbstractModule {
    private final RuntimeFacts facts;
    private final RuntimeLifecycle lifecycle;

    CoreModule(RuntimeFacts facts, RuntimeLifecycle lifecycle) {
        this.facts = Objects.requireNonNull(facts, "facts");
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
    }

    /** Everything decided at start-up, in one value. */
    record RuntimeFacts(CandelaConfig config, HardwareReport hardware, BackendSelection selection,
                        NativeThreads threads, PluginRegistry registry, ComputePool pool) {
    }

    @Provides
    CandelaConfig config() {
        return facts.config();
    }

    @Provides
    HardwareReport hardware() {
        return facts.hardware();
    }

    @Provides
    BackendSelection selection() {
        return facts.selection();
    }

    @Provides
    NativeThreads threads() {
        return facts.threads();
    }

    @Provides
    PluginRegistry registry() {
        return facts.registry();
    }

    @Provides
    ComputePool pool() {
        return facts.pool();
    }

    @Provides
    @Singleton
    FeatureCache featureCache(CandelaConfig config) {
        return FeatureCache.create(config.cache());
    }

    @Provides
    RuntimeLifecycle lifecycle() {
        return lifecycle;
    }

    @Provides
    Profiler profiler() {
        return Profiler.disabled();
    }
}
