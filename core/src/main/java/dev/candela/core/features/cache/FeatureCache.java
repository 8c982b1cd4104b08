package dev.candela.core.features.cache;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Policy;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.candela.core.config.CacheConfig;
import dev.candela.spi.MemoryReclaimer;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Computed feature columns kept in memory, bounded by their size in bytes.
 *
 * <p>Values are {@link FeatureBlock}s weighed by {@link FeatureBlock#bytes()}; when the total passes
 * {@link #maxBytes()} Caffeine evicts the values least likely to be asked for again (W-TinyLFU). A
 * bound of 0 keeps nothing, which turns caching off while keeping the single-flight guarantee.
 *
 * <p>Concurrent requests for one key compute it once: the first request marks the missing keys as in
 * flight before it computes them, and every later request for one of them waits for that computation
 * instead of starting its own. Computations run on the requesting thread, and a failed one is not
 * cached; every waiter sees its exception.
 *
 * <p>Under memory pressure the resource optimizer calls {@link #reclaim}: {@code MODERATE} evicts the
 * coldest values until half of the held bytes are freed, {@code CRITICAL} drops everything. The cache
 * stays usable afterwards. Thread-safe.
 *
 * <pre>{@code
 * FeatureCache cache = FeatureCache.create(candela.config().cache());
 * FeaturePipeline pipeline = FeaturePipeline.builder(candela).cache(cache)...build();
 * }</pre>
 */
public final class FeatureCache implements MemoryReclaimer {
    /** The name the resource optimizer logs this reclaimer under. */
    public static final String NAME = "feature-cache";

    private final AsyncCache<FeatureKey, FeatureBlock> cache;
    private final Cache<FeatureKey, FeatureBlock> view;
    private final Policy.Eviction<FeatureKey, FeatureBlock> eviction;
    private final long maxBytes;
    private final AtomicLong reclaimedBytes = new AtomicLong();

    private FeatureCache(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
        // Maintenance (eviction included) runs on the threads that use the cache, so the byte bound holds
        // as soon as a value is added rather than whenever a background task gets to it.
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((FeatureKey key, FeatureBlock block) -> (int) Math.min(Integer.MAX_VALUE, block.bytes()))
                .executor(Runnable::run)
                .recordStats()
                .buildAsync();
        this.view = cache.synchronous();
        this.eviction = view.policy().eviction().orElseThrow();
    }

    /** A cache holding at most {@code maxBytes} bytes of features; 0 keeps nothing. */
    public static FeatureCache withMaxBytes(long maxBytes) {
        return new FeatureCache(maxBytes);
    }

    /** A cache sized by the {@code cache} section of the configuration. */
    public static FeatureCache create(CacheConfig config) {
        return new FeatureCache(Objects.requireNonNull(config, "config").maxBytes());
    }

    /** The bound on the bytes held. */
    public long maxBytes() {
        return maxBytes;
    }

    /** Whether the cache keeps anything at all. */
    public boolean isEnabled() {
        return maxBytes > 0;
    }

    /**
     * The values of {@code keys}, computing the missing ones with one call of {@code compute}.
     *
     * <p>{@code compute} receives exactly the keys that are neither cached nor being computed by another
     * request, and must return a value for each of them. Keys another request is computing are waited for.
     *
     * @return a value for every key
     * @throws IllegalStateException when {@code compute} leaves out a key it was given
     * @throws RuntimeException      what {@code compute} (here or in a concurrent request) threw
     */
    public Map<FeatureKey, FeatureBlock> getAll(Collection<FeatureKey> keys,
                                                Function<Set<FeatureKey>, Map<FeatureKey, FeatureBlock>> compute) {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(compute, "compute");
        CompletableFuture<Map<FeatureKey, FeatureBlock>> pending = cache.getAll(keys, (missing, executor) -> {
            Set<FeatureKey> wanted = Set.copyOf(missing);
            Map<FeatureKey, FeatureBlock> computed = Objects.requireNonNull(compute.apply(wanted),
                    "the computation returned no map");
            for (FeatureKey key : wanted) {
                if (computed.get(key) == null) {
                    throw new IllegalStateException("the computation returned no value for " + key);
                }
            }
            return CompletableFuture.completedFuture(computed);
        });
        Map<FeatureKey, FeatureBlock> values = join(pending);
        for (FeatureKey key : keys) {
            if (!values.containsKey(key)) {
                // Another request's computation of this key failed after we began waiting for it.
                throw new IllegalStateException("no value was computed for " + key);
            }
        }
        return values;
    }

    /** The value of one key, computing it if missing; concurrent requests for the key compute it once. */
    public FeatureBlock get(FeatureKey key, Function<FeatureKey, FeatureBlock> compute) {
        Objects.requireNonNull(compute, "compute");
        return getAll(Set.of(key), missing -> Map.of(key, compute.apply(key))).get(key);
    }

    /** The value of {@code key} if it is cached and computed; never waits for a computation in flight. */
    public Optional<FeatureBlock> getIfPresent(FeatureKey key) {
        CompletableFuture<FeatureBlock> future = cache.getIfPresent(key);
        if (future == null || !future.isDone() || future.isCompletedExceptionally()) {
            return Optional.empty();
        }
        return Optional.ofNullable(future.getNow(null));
    }

    /** Drops one value. */
    public void invalidate(FeatureKey key) {
        view.invalidate(Objects.requireNonNull(key, "key"));
    }

    /** Drops every value; returns the bytes they held. */
    public long clear() {
        long before = bytes();
        view.invalidateAll();
        view.cleanUp();
        return Math.max(0, before - bytes());
    }

    /**
     * Evicts the coldest values until at most {@code targetBytes} are held; returns the bytes freed.
     * The bound of the cache is unchanged afterwards.
     */
    public long trimTo(long targetBytes) {
        if (targetBytes < 0) {
            throw new IllegalArgumentException("targetBytes must not be negative, was " + targetBytes);
        }
        synchronized (eviction) {
            long before = bytes();
            if (before <= targetBytes) {
                return 0;
            }
            // Lowering the bound makes Caffeine evict in its own order, coldest first, and count the
            // evictions; restoring it leaves room to fill again.
            eviction.setMaximum(targetBytes);
            try {
                view.cleanUp();
            } finally {
                eviction.setMaximum(maxBytes);
            }
            return Math.max(0, before - bytes());
        }
    }

    /** Bytes held now. */
    public long bytes() {
        return eviction.weightedSize().orElse(0);
    }

    /** Values held now; an estimate while others are being added or evicted. */
    public long size() {
        return view.estimatedSize();
    }

    /** Hit, miss and eviction counts and the bytes held. */
    public FeatureCacheStats stats() {
        CacheStats s = view.stats();
        return new FeatureCacheStats(s.hitCount(), s.missCount(), s.evictionCount(), s.evictionWeight(),
                s.loadFailureCount(), reclaimedBytes.get(), size(), bytes(), maxBytes);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** {@code MODERATE} frees at least half of the bytes held, coldest values first; {@code CRITICAL} all. */
    @Override
    public long reclaim(Pressure pressure) {
        long freed = switch (Objects.requireNonNull(pressure, "pressure")) {
            case MODERATE -> trimTo(bytes() / 2);
            case CRITICAL -> clear();
        };
        reclaimedBytes.addAndGet(freed);
        return freed;
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    @Override
    public String toString() {
        return "FeatureCache[" + size() + " values, " + bytes() + " of " + maxBytes + " bytes]";
    }
}
