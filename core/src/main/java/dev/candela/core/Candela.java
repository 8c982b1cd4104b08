package dev.candela.core;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.util.Modules;
import dev.candela.core.compute.ComputeBackend;
import dev.candela.core.compute.ComputePool;
import dev.candela.core.config.BackendChoice;
import dev.candela.core.config.CandelaConfig;
import dev.candela.core.hardware.HardwareProbe;
import dev.candela.core.hardware.HardwareReport;
import dev.candela.core.registry.PluginRegistry;
import dev.candela.core.runtime.Backend;
import dev.candela.core.runtime.BackendModuleFactory;
import dev.candela.core.runtime.BackendSelection;
import dev.candela.core.runtime.BackendSelector;
import dev.candela.core.runtime.NativeThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The Candela runtime: detects the hardware, chooses the backend once (before anything loads ND4J),
 * sets native thread counts, finds the plugins, and builds the Guice injector from the chosen backend's
 * module plus the user's own modules. It owns the compute threads and whatever its bindings register with
 * {@link RuntimeLifecycle}, and closes them.
 *
 * <pre>{@code
 * try (Candela candela = Candela.create()) {
 *     var rsi = candela.registry().resolveAll("rsi(14)");
 *     var results = candela.compute().compute(rsi, series);
 * }
 * }</pre>
 */
public final class Candela implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Candela.class);

    private final CandelaConfig config;
    private final HardwareReport hardware;
    private final BackendSelection selection;
    private final NativeThreads threads;
    private final PluginRegistry registry;
    private final ExecutorService computeThreads;
    private final Injector injector;
    private final RuntimeLifecycle lifecycle = new RuntimeLifecycle();

    private Candela(Builder b) {
        this.config = b.config != null ? b.config : (b.configFile != null ? CandelaConfig.read(b.configFile) : CandelaConfig.load());
        this.hardware = b.hardware.get();
        this.selection = b.selector.select(b.backend, config, hardware.cuda());
        LOG.info("Backend {}: {}", selection.effective().name().toLowerCase(java.util.Locale.ROOT), selection.reason());
        this.threads = NativeThreads.derive(hardware, config);
        threads.apply();
        ClassLoader loader = b.classLoader != null ? b.classLoader : defaultClassLoader();
        if (b.pluginDirectory != null) {
            loader = PluginRegistry.pluginClassLoader(loader, b.pluginDirectory);
        }
        this.registry = PluginRegistry.load(loader);
        Module backendModule = backendModule(selection.effective(), loader);
        this.computeThreads = Executors.newFixedThreadPool(threads.count(), daemonThreads("candela-compute-"));
        try {
            CoreModule core = new CoreModule(new CoreModule.RuntimeFacts(config, hardware, selection, threads, registry,
                    new ComputePool(computeThreads, threads.count())), lifecycle);
            this.injector = Guice.createInjector(b.stage,
                    Modules.override(Modules.combine(core, backendModule)).with(b.modules));
        } catch (RuntimeException e) {
            computeThreads.shutdownNow();
            throw e;
        }
    }

    /** A runtime with every default: configuration file if present, detected hardware, {@code auto} backend. */
    public static Candela create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    private static ClassLoader defaultClassLoader() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return cl != null ? cl : Candela.class.getClassLoader();
    }

    private static Module backendModule(Backend backend, ClassLoader loader) {
        List<BackendModuleFactory> matching = new ArrayList<>();
        for (BackendModuleFactory f : ServiceLoader.load(BackendModuleFactory.class, loader)) {
            if (f.backend() == backend) {
                matching.add(f);
            }
        }
        if (matching.isEmpty()) {
            throw new IllegalStateException("no module for the " + backend.name().toLowerCase(java.util.Locale.ROOT)
                    + " backend on the class path (add the candela-" + backend.name().toLowerCase(java.util.Locale.ROOT)
                    + "-backend jar)");
        }
        if (matching.size() > 1) {
            throw new IllegalStateException("two modules claim the " + backend + " backend: "
                    + matching.get(0).getClass().getName() + " and " + matching.get(1).getClass().getName());
        }
        return matching.get(0).create();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    public CandelaConfig config() {
        return config;
    }

    public HardwareReport hardware() {
        return hardware;
    }

    /** Which backend runs, why, and who asked for it. */
    public BackendSelection backend() {
        return selection;
    }

    public NativeThreads threads() {
        return threads;
    }

    public PluginRegistry registry() {
        return registry;
    }

    /** The chosen backend's indicator computation. */
    public ComputeBackend compute() {
        return injector.getInstance(ComputeBackend.class);
    }

    /** Any binding of the injector, including those of the user's modules. */
    public <T> T get(Class<T> type) {
        return injector.getInstance(Key.get(type));
    }

    public Injector injector() {
        return injector;
    }

    /**
     * Closes what the bindings registered with {@link RuntimeLifecycle} (most recent first), then stops
     * the compute threads, waiting briefly for running work.
     */
    @Override
    public void close() {
        lifecycle.closeAll();
        computeThreads.shutdown();
        try {
            if (!computeThreads.awaitTermination(5, TimeUnit.SECONDS)) {
                computeThreads.shutdownNow();
            }
        } catch (InterruptedException e) {
            computeThreads.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Options of a {@link Candela} runtime; everything has a default. */
    public static final class Builder {
        private BackendChoice backend;
        private CandelaConfig config;
        private Path configFile;
        private Supplier<HardwareReport> hardware = () -> HardwareProbe.create().probe();
        private BackendSelector selector = BackendSelector.fromSystem();
        private ClassLoader classLoader;
        private Path pluginDirectory;
        private final List<Module> modules = new ArrayList<>();
        private Stage stage = Stage.DEVELOPMENT;

        private Builder() {
        }

        /** An explicit backend choice, taking precedence over property, environment and configuration. */
        public Builder backend(BackendChoice choice) {
            this.backend = choice;
            return this;
        }

        /** The configuration to use instead of loading {@code candela.json}. */
        public Builder config(CandelaConfig value) {
            this.config = Objects.requireNonNull(value, "config");
            return this;
        }

        /** A configuration file to read instead of the default location. */
        public Builder configFile(Path file) {
            this.configFile = Objects.requireNonNull(file, "file");
            return this;
        }

        /** Known hardware instead of probing it (tests, or a probe run earlier). */
        public Builder hardware(HardwareReport report) {
            Objects.requireNonNull(report, "report");
            this.hardware = () -> report;
            return this;
        }

        /** Where backend overrides are read from; defaults to system properties and environment. */
        public Builder selector(BackendSelector value) {
            this.selector = Objects.requireNonNull(value, "selector");
            return this;
        }

        /** The class loader that plugins and backend modules are found with. */
        public Builder classLoader(ClassLoader loader) {
            this.classLoader = Objects.requireNonNull(loader, "loader");
            return this;
        }

        /** A folder of plugin jars to load in addition to the class path. */
        public Builder pluginDirectory(Path directory) {
            this.pluginDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /** The user's own modules; their bindings override Candela's. */
        public Builder modules(Module... extra) {
            modules.addAll(List.of(extra));
            return this;
        }

        /** The Guice stage; {@link Stage#TOOL} checks wiring without creating anything. */
        public Builder stage(Stage value) {
            this.stage = Objects.requireNonNull(value, "stage");
            return this;
        }

        /**
         * Detects, chooses and wires.
         *
         * @throws dev.candela.core.runtime.BackendUnavailableException when {@code gpu} was asked for on a
         *                                                             machine where it cannot run
         * @throws dev.candela.core.config.ConfigException              for a bad configuration file
         */
        public Candela build() {
            return new Candela(this);
        }
    }
}
