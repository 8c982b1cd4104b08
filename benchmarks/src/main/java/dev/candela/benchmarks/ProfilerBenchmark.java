package dev.candela.benchmarks;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.candela.core.config.CandelaConfig;
import dev.candela.core.features.cache.FeatureCache;
import dev.candela.core.hardware.CudaStatus;
import dev.candela.core.hardware.HardwareReport;
import dev.candela.optimizer.OptimizerModule;
import dev.candela.optimizer.PerformanceOptimizer;
import dev.candela.optimizer.Profiled;
import dev.candela.spi.Profiler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What timing a section costs, per call, in nanoseconds:
 * <ul>
 *   <li>{@code baseline}: the timed body alone (a counter increment);</li>
 *   <li>{@code clock}: one {@link System#nanoTime()}, of which a timed call needs two;</li>
 *   <li>{@code disabled}: a scope of the disabled profiler core binds when the optimizer is off;</li>
 *   <li>{@code enabled}: a scope of the optimizer's recording profiler (two clock reads, per-section
 *       counters, an HdrHistogram record), with no JFR recording running;</li>
 *   <li>{@code enabledNested}: a scope inside a scope, two sections per call;</li>
 *   <li>{@code enabledTwoThreads}: {@code enabled} on two threads timing the same section, which shares its
 *       counters;</li>
 *   <li>{@code interceptedMethod} / {@code plainMethod}: a {@link Profiled} method of a Guice-built object with
 *       the optimizer's module installed, and the same method on an object Guice did not intercept.</li>
 * </ul>
 * The overhead of one timed call is the mode's score minus {@code baseline}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"})
public class ProfilerBenchmark {

    /** The profilers, and an intercepted and a plain instance of the same class. */
    @State(Scope.Benchmark)
    public static class Profilers {
        Profiler disabled;
        Profiler recording;
        PerformanceOptimizer optimizer;
        Work intercepted;
        Work plain;

        @Setup(Level.Trial)
        public void prepare() {
            HardwareReport machine = new HardwareReport("benchmark", 1, 1, 1, 1L << 33, 1L << 32, 1L << 30, "any",
                    "any", List.of(), CudaStatus.unavailable("not probed"), List.of());
            CandelaConfig config = CandelaConfig.defaults();
            disabled = Profiler.disabled();
            optimizer = PerformanceOptimizer.builder(machine, config).build();
            recording = optimizer.profiler();
            Injector injector = Guice.createInjector(binder -> {
                binder.bind(HardwareReport.class).toInstance(machine);
                binder.bind(CandelaConfig.class).toInstance(config);
                binder.bind(FeatureCache.class).toInstance(FeatureCache.withMaxBytes(0));
            }, OptimizerModule.create());
            intercepted = injector.getInstance(Work.class);
            plain = new Work();
        }

        @TearDown(Level.Trial)
        public void close() {
            optimizer.close();
        }
    }

    /** The timed body: one counter per thread. */
    @State(Scope.Thread)
    public static class Counter {
        long value;
    }

    /** A class with one profiled method. */
    public static class Work {
        @Profiled("bench.method")
        public long step(Counter c) {
            return ++c.value;
        }
    }

    @Benchmark
    public long baseline(Counter c) {
        return ++c.value;
    }

    @Benchmark
    public long clock() {
        return System.nanoTime();
    }

    @Benchmark
    public long disabled(Profilers p, Counter c) {
        Profiler.Scope scope = p.disabled.scope("bench.section");
        try {
            return ++c.value;
        } finally {
            scope.close();
        }
    }

    @Benchmark
    public long enabled(Profilers p, Counter c) {
        Profiler.Scope scope = p.recording.scope("bench.section");
        try {
            return ++c.value;
        } finally {
            scope.close();
        }
    }

    @Benchmark
    public long enabledNested(Profilers p, Counter c) {
        Profiler.Scope outer = p.recording.scope("bench.outer");
        try {
            Profiler.Scope inner = p.recording.scope("bench.inner");
            try {
                return ++c.value;
            } finally {
                inner.close();
            }
        } finally {
            outer.close();
        }
    }

    @Benchmark
    @Threads(2)
    public long enabledTwoThreads(Profilers p, Counter c) {
        Profiler.Scope scope = p.recording.scope("bench.shared");
        try {
            return ++c.value;
        } finally {
            scope.close();
        }
    }

    @Benchmark
    public long interceptedMethod(Profilers p, Counter c) {
        return p.intercepted.step(c);
    }

    @Benchmark
    public long plainMethod(Profilers p, Counter c) {
        return p.plain.step(c);
    }
}
