package dev.candela.core.runtime;

import dev.candela.core.config.CandelaConfig;
import dev.candela.core.hardware.HardwareReport;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ForkJoinPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many threads native math libraries (OpenMP, OpenBLAS, MKL, ND4J's libnd4j) should use, and how
 * to tell them.
 *
 * <p>The count comes from the first of: an {@value #OMP_NUM_THREADS} already in the environment (the
 * user's explicit wish, which native libraries read anyway), the configuration's {@code threads}, and
 * the hardware's physical cores, capped by the processors the JVM may use (container limits) and at
 * least 1. Physical rather than logical cores, because dense math gains nothing from hyper-threads
 * and loses to the contention.
 *
 * <p>Native libraries read their thread counts from environment variables when they load, and a JVM
 * cannot change its own environment; so {@link #env()} lists the variables a launcher or child process
 * must set, and {@link #apply()} sets what can be set from the JVM side.
 */
public final class NativeThreads {

    public static final String OMP_NUM_THREADS = "OMP_NUM_THREADS";
    /**
     * Thread variables a launcher should set. {@code SD_MAX_THREADS} and {@code SD_MASTER_THREADS} size
     * libnd4j's own thread pool, which ND4J fixes when it loads.
     */
    public static final List<String> ENVIRONMENT_VARIABLES = List.of(
            OMP_NUM_THREADS, "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "SD_MAX_THREADS", "SD_MASTER_THREADS");
    /** The JVM's common fork-join pool size, read once when the pool first starts. */
    public static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    private static final Logger LOG = LoggerFactory.getLogger(NativeThreads.class);

    /** Where the thread count came from. */
    public enum Source {
        /** {@value NativeThreads#OMP_NUM_THREADS} was already set. */
        ENVIRONMENT,
        /** The configuration's {@code threads}. */
        CONFIG,
        /** The hardware's physical cores. */
        HARDWARE
    }

    private final int count;
    private final Source source;
    private final String reason;

    private NativeThreads(int count, Source source, String reason) {
        this.count = count;
        this.source = source;
        this.reason = reason;
    }

    /** Derives the count from this process's environment. */
    public static NativeThreads derive(HardwareReport hardware, CandelaConfig config) {
        return derive(hardware, config, System.getenv());
    }

    /** Derives the count from the given environment variables instead of the process's. */
    public static NativeThreads derive(HardwareReport hardware, CandelaConfig config, Map<String, String> environment) {
        Objects.requireNonNull(hardware, "hardware");
        Objects.requireNonNull(config, "config");
        String ignored = "";
        String omp = environment.get(OMP_NUM_THREADS);
        if (omp != null && !omp.isBlank()) {
            int fromEnvironment = firstLevel(omp);
            if (fromEnvironment > 0) {
                return new NativeThreads(fromEnvironment, Source.ENVIRONMENT,
                        OMP_NUM_THREADS + "=" + omp.strip() + " is already set in the environment");
            }
            ignored = OMP_NUM_THREADS + "='" + omp + "' ignored (not a positive whole number); ";
        }
        if (config.threads() != null) {
            return new NativeThreads(config.threads(), Source.CONFIG,
                    ignored + "configuration key 'threads' is " + config.threads());
        }
        int cores = Math.max(1, hardware.physicalCores());
        int usable = Math.max(1, Math.min(cores, hardware.availableProcessors()));
        String because = usable < cores
                ? cores + " physical cores, limited to the " + usable + " processors this JVM may use"
                : cores + " physical core" + (cores == 1 ? "" : "s");
        return new NativeThreads(usable, Source.HARDWARE, ignored + because);
    }

    /**
     * OpenMP accepts a list of per-nesting-level counts ({@code "8,2"}); the first is the outer level.
     * Returns 0 for anything that is not a positive count.
     */
    private static int firstLevel(String value) {
        String first = value.strip().split(",", -1)[0].strip();
        try {
            int parsed = Integer.parseInt(first);
            return Math.max(parsed, 0);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The thread count, at least 1. */
    public int count() {
        return count;
    }

    public Source source() {
        return source;
    }

    /** Why this count, in words, e.g. {@code "8 physical cores"}. */
    public String reason() {
        return reason;
    }

    /**
     * The environment variables a launcher or a child process must set, in a stable order, each to
     * {@link #count()}.
     */
    public Map<String, String> env() {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String name : ENVIRONMENT_VARIABLES) {
            variables.put(name, Integer.toString(count));
        }
        return Collections.unmodifiableMap(variables);
    }

    /**
     * Sets, in this JVM's system properties, what the JVM side can set before native libraries load: the
     * common fork-join pool's parallelism, so that JVM-parallel kernels use as many threads as native
     * ones. A value the user already set is left alone.
     *
     * @return the properties this call set, with their values (empty when it set nothing)
     */
    public Map<String, String> apply() {
        Map<String, String> set = apply(System.getProperties());
        if (set.containsKey(COMMON_POOL_PARALLELISM) && ForkJoinPool.getCommonPoolParallelism() != count) {
            // The pool reads the property once, when it starts; someone started it before us.
            LOG.debug("{}={} set, but the common pool had already started with parallelism {}",
                    COMMON_POOL_PARALLELISM, count, ForkJoinPool.getCommonPoolParallelism());
        }
        return set;
    }

    Map<String, String> apply(Properties target) {
        Map<String, String> set = new LinkedHashMap<>();
        String value = Integer.toString(count);
        if (target.getProperty(COMMON_POOL_PARALLELISM) == null) {
            target.setProperty(COMMON_POOL_PARALLELISM, value);
            set.put(COMMON_POOL_PARALLELISM, value);
        }
        return Collections.unmodifiableMap(set);
    }

    @Override
    public String toString() {
        return count + " native threads (" + reason + ")";
    }
}
