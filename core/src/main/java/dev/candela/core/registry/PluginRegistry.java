package dev.candela.core.registry;

import dev.candela.spi.CandelaPlugin;
import dev.candela.spi.Indicator;
import dev.candela.spi.IndicatorSpec;
import dev.candela.spi.Optimizer;
import dev.candela.spi.Trainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Every indicator, trainer and optimizer that the {@link CandelaPlugin plugins} on a class path provide,
 * by id. Found with {@link ServiceLoader}; two providers of one id fail loudly, naming both classes, and
 * an unknown id is answered with the closest known ids.
 */
public final class PluginRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);

    private final List<CandelaPlugin> plugins;
    private final Map<String, Indicator> indicators;
    private final Map<String, Trainer> trainers;
    private final Map<String, Optimizer> optimizers;

    private PluginRegistry(List<CandelaPlugin> plugins) {
        this.plugins = List.copyOf(plugins);
        this.indicators = index("indicator", plugins, CandelaPlugin::indicators, Indicator::id);
        this.trainers = index("trainer", plugins, CandelaPlugin::trainers, Trainer::id);
        this.optimizers = index("optimizer", plugins, CandelaPlugin::optimizers, Optimizer::id);
        LOG.debug("Loaded {} plugin(s): {} indicator(s), {} trainer(s), {} optimizer(s)",
                plugins.size(), indicators.size(), trainers.size(), optimizers.size());
    }

    /** The plugins visible to {@code classLoader}. */
    public static PluginRegistry load(ClassLoader classLoader) {
        List<CandelaPlugin> found = new ArrayList<>();
        ServiceLoader.load(CandelaPlugin.class, classLoader).forEach(found::add);
        return new PluginRegistry(found);
    }

    /** The plugins on the thread's context class path. */
    public static PluginRegistry load() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return load(cl != null ? cl : PluginRegistry.class.getClassLoader());
    }

    /**
     * The plugins visible to {@code parent} plus those in the jar files of {@code directory}.
     *
     * @throws UncheckedIOException when the directory cannot be listed
     */
    public static PluginRegistry load(ClassLoader parent, Path directory) {
        return load(pluginClassLoader(parent, directory));
    }

    /** A class loader over every {@code *.jar} in {@code directory}, in name order, child of {@code parent}. */
    public static ClassLoader pluginClassLoader(ClassLoader parent, Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("plugin directory " + directory + " does not exist");
        }
        List<URL> jars = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                jars.add(p.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("bad plugin path in " + directory, e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list plugin directory " + directory, e);
        }
        LOG.info("Plugin directory {}: {} jar(s)", directory, jars.size());
        return new URLClassLoader("candela-plugins", jars.toArray(URL[]::new), parent);
    }

    /** A registry of exactly these plugins. */
    public static PluginRegistry of(Collection<? extends CandelaPlugin> plugins) {
        return new PluginRegistry(new ArrayList<>(plugins));
    }

    private static <T> Map<String, T> index(String kind, List<CandelaPlugin> plugins,
                                            Function<CandelaPlugin, Collection<T>> items, Function<T, String> id) {
        Map<String, T> byId = new TreeMap<>();
        for (CandelaPlugin plugin : plugins) {
            for (T item : items.apply(plugin)) {
                String key = Objects.requireNonNull(id.apply(item), () -> kind + " with null id in " + plugin.name());
                T previous = byId.putIfAbsent(key, item);
                if (previous != null) {
                    throw new DuplicateProviderException(kind, key, previous.getClass(), item.getClass());
                }
            }
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(byId));
    }

    public List<CandelaPlugin> plugins() {
        return plugins;
    }

    /** Every indicator by id, in id order. */
    public Map<String, Indicator> indicators() {
        return indicators;
    }

    public Map<String, Trainer> trainers() {
        return trainers;
    }

    public Map<String, Optimizer> optimizers() {
        return optimizers;
    }

    /** @throws UnknownIdException with the closest known ids */
    public Indicator indicator(String id) {
        return find("indicator", indicators, id);
    }

    /** @throws UnknownIdException with the closest known ids */
    public Trainer trainer(String id) {
        return find("trainer", trainers, id);
    }

    /** @throws UnknownIdException with the closest known ids */
    public Optimizer optimizer(String id) {
        return find("optimizer", optimizers, id);
    }

    private static <T> T find(String kind, Map<String, T> byId, String id) {
        T found = byId.get(id);
        if (found == null) {
            throw new UnknownIdException(kind, id, ClosestIds.to(id, byId.keySet()));
        }
        return found;
    }

    /**
     * Binds a parsed spec to its indicator and validated parameters.
     *
     * @throws UnknownIdException       for an unknown id
     * @throws IllegalArgumentException naming the spec for bad parameters
     */
    public ResolvedIndicator resolve(IndicatorSpec spec) {
        Indicator indicator = indicator(spec.id());
        try {
            return new ResolvedIndicator(indicator, indicator.bind(spec.argumentArray()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("indicator spec '" + spec + "': " + e.getMessage(), e);
        }
    }

    /** Resolves a comma-separated list such as {@code "rsi(14),macd(12,26,9),obv"}. */
    public List<ResolvedIndicator> resolveAll(String specs) {
        return IndicatorSpec.parseList(specs).stream().map(this::resolve).toList();
    }
}
