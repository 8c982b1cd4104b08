package dev.candela.optimizer;

import com.google.inject.AbstractModule;
import com.google.inject.Inject;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.matcher.Matcher;
import com.google.inject.matcher.Matchers;
import dev.candela.core.RuntimeLifecycle;
import dev.candela.core.config.CandelaConfig;
import dev.candela.core.features.cache.FeatureCache;
import dev.candela.core.hardware.HardwareReport;
import dev.candela.spi.Optimizer;
import dev.candela.spi.Profiler;
import io.micrometer.core.instrument.MeterRegistry;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Turns profiling and monitoring on in a Candela runtime; pass it to
 * {@code Candela.builder().modules(OptimizerModule.create())}, where it overrides core's disabled profiler.
 *
 * <p>Bindings: {@link PerformanceOptimizer} and {@link Optimizer} (one per runtime, created with the
 * injector, thresholds from the runtime's configuration and hardware, the runtime's {@link FeatureCache}
 * registered), {@link Profiler} (the optimizer's recording profiler, so every indicator, feature and training
 * step the runtime runs is timed), and the method interceptor behind {@link Profiled}.
 *
 * <p>Monitoring starts with {@link PerformanceOptimizer#start()}. The runtime closes the optimizer this
 * module creates when the runtime closes (through {@link RuntimeLifecycle}); {@link #sharing} binds an
 * optimizer made elsewhere instead, which its maker closes.
 */
public final class OptimizerModule extends AbstractModule {
    private final OptimizerSource source;
    private final Consumer<? super PerformanceOptimizer> onCreate;
    private final boolean ownedByRuntime;

    private OptimizerModule(OptimizerSource source, Consumer<? super PerformanceOptimizer> onCreate,
                            boolean ownedByRuntime) {
        this.source = source;
        this.onCreate = onCreate;
        this.ownedByRuntime = ownedByRuntime;
    }

    /** A module with every default: no meter registry, the configured sample interval. */
    public static OptimizerModule create() {
        return builder().build();
    }

    /**
     * A module that binds {@code optimizer}, made and started by the caller, instead of creating one: the
     * runtime's profiler and feature cache join it. How one optimizer watches a whole command that builds
     * runtimes of its own (the {@code profile} command). The caller closes it.
     */
    public static OptimizerModule sharing(PerformanceOptimizer optimizer) {
        Objects.requireNonNull(optimizer, "optimizer");
        return new OptimizerModule((hardware, config) -> optimizer, created -> { }, false);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected void configure() {
        ProfiledInterceptor interceptor = new ProfiledInterceptor(getProvider(Profiler.class));
        bindInterceptor(Matchers.any(), Matchers.annotatedWith(Profiled.class), interceptor);
        bindInterceptor(Matchers.annotatedWith(Profiled.class),
                new PublicDeclaredMethod().and(Matchers.not(Matchers.annotatedWith(Profiled.class))), interceptor);
        bind(Optimizer.class).to(PerformanceOptimizer.class);
        bind(EagerCreation.class).asEagerSingleton();
    }

    @Provides
    @Singleton
    PerformanceOptimizer optimizer(HardwareReport hardware, CandelaConfig config, FeatureCache cache,
                                   RuntimeLifecycle lifecycle) {
        PerformanceOptimizer optimizer = source.optimizer(hardware, config);
        if (ownedByRuntime) {
            lifecycle.closeWithRuntime(optimizer);
        }
        optimizer.watch(cache);
        onCreate.accept(optimizer);
        return optimizer;
    }

    @Provides
    Profiler profiler(PerformanceOptimizer optimizer) {
        return optimizer.profiler();
    }

    /** Where the module's optimizer comes from: built for the runtime, or shared. */
    @FunctionalInterface
    private interface OptimizerSource {
        PerformanceOptimizer optimizer(HardwareReport hardware, CandelaConfig config);
    }

    /** Creates the optimizer with the injector, so that it exists (and can start) before anything asks for it. */
    static final class EagerCreation {
        @Inject
        EagerCreation(PerformanceOptimizer optimizer) {
            Objects.requireNonNull(optimizer, "optimizer");
        }
    }

    /** A type's own public methods, not the compiler's bridges. */
    private static final class PublicDeclaredMethod implements Matcher<Method> {
        @Override
        public boolean matches(Method method) {
            return Modifier.isPublic(method.getModifiers()) && !method.isSynthetic() && !method.isBridge()
                    && method.getDeclaringClass() != Object.class;
        }
    }

    /** Options of an {@link OptimizerModule}. */
    public static final class Builder {
        private MeterRegistry registry;
        private Duration interval;
        private Consumer<? super PerformanceOptimizer> onCreate = optimizer -> { };

        private Builder() {
        }

        /** Also publishes every profiled section to {@code value} (timer {@code candela.section}). */
        public Builder meterRegistry(MeterRegistry value) {
            this.registry = Objects.requireNonNull(value, "registry");
            return this;
        }

        /** Samples at this interval instead of {@code optimizer.sampleIntervalMillis}. */
        public Builder sampleInterval(Duration value) {
            this.interval = Objects.requireNonNull(value, "interval");
            return this;
        }

        /**
         * Called with each optimizer the module creates, when its runtime's injector is built: how a caller
         * that does not hold the runtime (the {@code profile} command) gets at it.
         */
        public Builder onCreate(Consumer<? super PerformanceOptimizer> listener) {
            this.onCreate = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public OptimizerModule build() {
            MeterRegistry meters = registry;
            Duration every = interval;
            return new OptimizerModule((hardware, config) -> PerformanceOptimizer.builder(hardware, config)
                    .meterRegistry(meters).sampleInterval(every).build(), onCreate, true);
        }
    }
}
