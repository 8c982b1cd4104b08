package dev.candela.benchmarks;

import dev.candela.core.compute.ParallelIndicatorEngine;
import dev.candela.core.data.OhlcvSeries;
import dev.candela.core.data.Timeframe;
import dev.candela.core.features.FeatureFrame;
import dev.candela.core.features.FeatureMatrix;
import dev.candela.core.features.FeaturePipeline;
import dev.candela.core.features.LabelSpec;
import dev.candela.core.features.cache.DataFingerprint;
import dev.candela.core.features.cache.FeatureBlock;
import dev.candela.core.features.cache.FeatureCache;
import dev.candela.core.features.cache.FeatureKey;
import dev.candela.core.features.cache.Precision;
import dev.candela.core.market.SyntheticMarket;
import dev.candela.core.registry.PluginRegistry;
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
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The multi-timeframe feature pipeline on {@value #SYMBOLS} symbols by {@value #BARS} hourly bars, with
 * {@value #INDICATOR_COUNT} indicators on each of the timeframes 1h, 4h and 1d (about 2 x 3 x 30 output
 * columns merged onto the base rows):
 * <ul>
 *   <li>{@code pipeline}: everything computed afresh, as on data seen for the first time;</li>
 *   <li>{@code pipelineFromCache}: the same request answered by the {@link FeatureCache}, which still
 *       fingerprints both series (the cost of knowing that the data is the same);</li>
 *   <li>{@code matrix}: lags 1 to 3 and labels over the cached features, the step before training;</li>
 *   <li>{@code cacheHit}: one lookup of one cached column block, in nanoseconds.</li>
 * </ul>
 * The engine uses every available core, as the runtime's compute pool does.
 */
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
// A fixed, pre-touched heap: with a growing heap, timings on small virtual machines swing two- to fivefold.
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class FeaturePipelineBenchmark {
    /** Symbols computed together. */
    public static final int SYMBOLS = 2;
    /** Hourly bars of each symbol. */
    public static final int BARS = 60_000;
    /** The indicator set computed on every timeframe. */
    public static final String INDICATORS = "rsi(14),ema(21),sma(50),wma(20),dema(20),tema(20),kama(10),"
            + "macd(12,26,9),bbands(20,2),atr(14),natr(14),adx(14),cci(20),willr(14),stoch(14,3,3),mfi(14),obv,"
            + "roc(10),cmo(14),aroon(14)";
    /** Number of indicators in {@link #INDICATORS}. */
    public static final int INDICATOR_COUNT = 20;

    /** The data, the pipelines with and without a cache, and a key known to be cached. */
    @State(Scope.Benchmark)
    public static class Features {
        List<OhlcvSeries> series;
        FeaturePipeline fresh;
        FeaturePipeline cached;
        FeatureCache cache;
        FeatureKey cachedKey;
        FeatureMatrix.Builder matrix;
        private ExecutorService pool;

        @Setup(Level.Trial)
        public void prepare() {
            series = SyntheticMarket.builder().seed(42).symbols("AAA", "BBB").timeframe(Timeframe.H1).bars(BARS)
                    .build().generateSeries();
            int threads = Runtime.getRuntime().availableProcessors();
            AtomicInteger n = new AtomicInteger();
            pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "bench-compute-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            ParallelIndicatorEngine engine = new ParallelIndicatorEngine("cpu", pool, threads, Profiler.disabled());
            PluginRegistry registry = PluginRegistry.load();
            fresh = FeaturePipeline.builder(registry, engine).timeframes(Timeframe.H1, Timeframe.H4, Timeframe.D1)
                    .indicators(INDICATORS).build();
            if (fresh.indicators(Timeframe.H1).size() != INDICATOR_COUNT) {
                throw new IllegalStateException("expected " + INDICATOR_COUNT + " indicators, resolved "
                        + fresh.indicators(Timeframe.H1));
            }
            cache = FeatureCache.withMaxBytes(1L << 30);
            cached = FeaturePipeline.builder(registry, engine).timeframes(Timeframe.H1, Timeframe.H4, Timeframe.D1)
                    .indicators(INDICATORS).cache(cache).build();
            cached.computeAll(series);
            cachedKey = new FeatureKey(DataFingerprint.of(series.get(1)), Timeframe.H4, "macd(12,26,9)", "cpu",
                    Precision.DOUBLE);
            if (cache.getIfPresent(cachedKey).isEmpty() || cache.stats().evictions() > 0) {
                throw new IllegalStateException("the features did not stay in the cache: " + cache.stats());
            }
            matrix = FeatureMatrix.builder().lags(1, 2, 3).label(LabelSpec.classes(12, 0.002));
        }

        @TearDown(Level.Trial)
        public void release() throws InterruptedException {
            pool.shutdown();
            if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("compute pool did not stop within a minute");
            }
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<FeatureFrame> pipeline(Features f) {
        return f.fresh.computeAll(f.series);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<FeatureFrame> pipelineFromCache(Features f) {
        return f.cached.computeAll(f.series);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public FeatureMatrix matrix(Features f) {
        return f.matrix.build(f.cached.compute(f.series.get(0)));
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public FeatureBlock cacheHit(Features f) {
        return f.cache.getIfPresent(f.cachedKey).orElseThrow();
    }
}
