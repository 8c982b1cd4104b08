package dev.candela.core.features.cache;

import dev.candela.core.config.CacheConfig;
import dev.candela.core.data.OhlcvSeries;
import dev.candela.core.data.Timeframe;
import dev.candela.spi.MemoryReclaimer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeatureCacheTest {
    /** 500 doubles: 4,000 bytes of values plus 24 of array and 48 of block overhead. */
    private static final int ROWS = 500;
    private static final long BLOCK_BYTES = 8L * ROWS + 24 + 48;

    private static FeatureKey key(int n) {
        return new FeatureKey(new DataFingerprint(n, ~n, ROWS), Timeframe.H1, "sma(" + n + ")", "cpu",
                Precision.DOUBLE);
    }

    private static FeatureBlock block(double value) {
        double[] a = new double[ROWS];
        java.util.Arrays.fill(a, value);
        return FeatureBlock.of(a);
    }

    @Test
    void blockWeighsItsArraysInBytes() {
        assertEquals(BLOCK_BYTES, block(1).bytes());
        assertEquals(48 + 2 * (24 + 8 * 10), FeatureBlock.of(new double[10], new double[10]).bytes());
        assertThrows(IllegalArgumentException.class, () -> FeatureBlock.of(new double[2], new double[3]));
    }

    @Test
    void heldBytesStayWithinTheBoundAndEvictionsAreCounted() {
        FeatureCache cache = FeatureCache.withMaxBytes(3 * BLOCK_BYTES + 100);
        for (int i = 0; i < 10; i++) {
            int n = i;
            cache.get(key(n), k -> block(n));
            assertTrue(cache.bytes() <= cache.maxBytes(), "after " + (i + 1) + " values: " + cache.bytes());
        }
        FeatureCacheStats stats = cache.stats();
        assertEquals(10, stats.misses());
        assertEquals(7, stats.evictions(), stats.toString());
        assertEquals(7 * BLOCK_BYTES, stats.evictedBytes());
        assertEquals(3, stats.entries());
        assertEquals(3 * BLOCK_BYTES, stats.bytes());
    }

    @Test
    void hitsAndMissesAreCountedPerKey() {
        FeatureCache cache = FeatureCache.withMaxBytes(1 << 20);
        AtomicInteger computed = new AtomicInteger();
        cache.getAll(List.of(key(1), key(2)), missing -> {
            computed.addAndGet(missing.size());
            Map<FeatureKey, FeatureBlock> out = new HashMap<>();
            missing.forEach(k -> out.put(k, block(k.data().high())));
            return out;
        });
        Map<FeatureKey, FeatureBlock> again = cache.getAll(List.of(key(1), key(2), key(3)), missing -> {
            assertEquals(Set.of(key(3)), missing, "only the missing key is computed");
            computed.addAndGet(missing.size());
            return Map.of(key(3), block(3));
        });
        assertEquals(3, computed.get());
        assertEquals(3, again.size());
        assertEquals(2.0, again.get(key(2)).output(0).get(0));
        assertEquals(2, cache.stats().hits());
        assertEquals(3, cache.stats().misses());
        assertEquals(2.0 / 5, cache.stats().hitRate(), 1e-12);
        assertTrue(cache.getIfPresent(key(3)).isPresent());
        assertTrue(cache.getIfPresent(key(4)).isEmpty());
    }

    @Test
    void concurrentRequestsForOneKeyComputeItOnce() throws Exception {
        FeatureCache cache = FeatureCache.withMaxBytes(1 << 20);
        int threads = 6;
        AtomicInteger computations = new AtomicInteger();
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<FeatureBlock>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return cache.get(key(7), k -> {
                        computations.incrementAndGet();
                        // Hold the computation until every other request has found it in flight (each
                        // counts as a hit before it waits), so that the requests truly overlap.
                        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                        while (cache.stats().hits() < threads - 1 && System.nanoTime() < deadline) {
                            Thread.onSpinWait();
                        }
                        return block(7);
                    });
                }));
            }
            FeatureBlock first = results.get(0).get();
            for (Future<FeatureBlock> f : results) {
                assertSame(first, f.get(), "every request gets the one computed value");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, computations.get());
        assertEquals(1, cache.stats().misses());
        assertEquals(threads - 1, cache.stats().hits());
    }

    @Test
    void failedComputationReachesTheCallerAndIsNotCached() {
        FeatureCache cache = FeatureCache.withMaxBytes(1 << 20);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> cache.get(key(1), k -> {
                    throw new IllegalStateException("kernel failed");
                }));
        assertEquals("kernel failed", e.getMessage());
        assertTrue(cache.getIfPresent(key(1)).isEmpty());
        assertEquals(1, cache.stats().loadFailures());
        assertEquals(5.0, cache.get(key(1), k -> block(5)).output(0).get(0), "a later request computes again");
    }

    @Test
    void computationThatLeavesOutAKeyIsAnError() {
        FeatureCache cache = FeatureCache.withMaxBytes(1 << 20);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> cache.getAll(List.of(key(1), key(2)), missing -> Map.of(key(1), block(1))));
        assertTrue(e.getMessage().contains("sma(2)"), e.getMessage());
        assertTrue(cache.getIfPresent(key(2)).isEmpty());
    }

    @Test
    void moderatePressureFreesAtLeastHalfAndTheCacheStaysUsable() {
        FeatureCache cache = FeatureCache.withMaxBytes(1 << 20);
        for (int i = 0; i < 8; i++) {
            int n = i;
            cache.get(key(n), k -> block(n));
        }
        long before = cache.bytes();
        assertEquals(8 * BLOCK_BYTES, before);

        long freed = cache.reclaim(MemoryReclaimer.Pressure.MODERATE);

        assertTrue(cache.bytes() <= before / 2, cache.toString());
        assertEquals(before - cache.bytes(), freed);
        assertEquals(freed, cache.stats().reclaimedBytes());
        assertEquals(1 << 20, cache.maxBytes(), "the bound is restored");
        for (int i = 10; i < 30; i++) {
            int n = i;
            cache.get(key(n), k -> block(n));
        }
        assertTrue(cache.size() > 8, "the cache fills again after a trim: " + cache);
    }

    @Test
    void criticalPressureDropsEverything() {
        FeatureCache cache = FeatureCache.withMaxBytes(1 << 20);
        cache.get(key(1), k -> block(1));
        cache.get(key(2), k -> block(2));
        assertEquals(2 * BLOCK_BYTES, cache.reclaim(MemoryReclaimer.Pressure.CRITICAL));
        assertEquals(0, cache.bytes());
        assertEquals(0, cache.size());
        assertEquals("feature-cache", cache.name());
    }

    @Test
    void zeroBytesKeepsNothingButStillComputes() {
        FeatureCache cache = FeatureCache.create(new CacheConfig(0));
        assertFalse(cache.isEnabled());
        assertEquals(3.0, cache.get(key(3), k -> block(3)).output(0).get(0));
        assertEquals(0, cache.bytes());
        assertTrue(cache.getIfPresent(key(3)).isEmpty());
    }

    @Test
    void sizeComesFromTheConfiguration() {
        assertEquals(123_456, FeatureCache.create(new CacheConfig(123_456)).maxBytes());
        assertEquals(CacheConfig.defaults().maxBytes(), FeatureCache.create(CacheConfig.defaults()).maxBytes());
        assertThrows(IllegalArgumentException.class, () -> FeatureCache.withMaxBytes(-1));
    }

    @Test
    void fingerprintChangesWithAnyValueAndIgnoresTheSymbol() {
        long[] t = {0, 3_600_000, 7_200_000};
        double[] o = {1, 2, 3};
        double[] h = {2, 3, 4};
        double[] l = {0.5, 1.5, 2.5};
        double[] c = {1.5, 2.5, 3.5};
        double[] v = {10, 20, 30};
        OhlcvSeries s = OhlcvSeries.of("A", Timeframe.H1, t, o, h, l, c, v);
        DataFingerprint base = DataFingerprint.of(s);
        assertEquals(base, DataFingerprint.of(OhlcvSeries.of("B", Timeframe.H1, t, o, h, l, c, v)));
        assertEquals(base, DataFingerprint.of(s.withSymbol("C")));
        assertEquals(3, base.bars());

        double[] v2 = v.clone();
        v2[2] = Math.nextUp(30.0);
        assertFalse(base.equals(DataFingerprint.of(OhlcvSeries.of("A", Timeframe.H1, t, o, h, l, c, v2))));
        long[] t2 = t.clone();
        t2[1] += 1;
        assertFalse(base.equals(DataFingerprint.of(OhlcvSeries.of("A", Timeframe.H1, t2, o, h, l, c, v))));
        // Swapping two fields' values must not collide.
        assertFalse(base.equals(DataFingerprint.of(OhlcvSeries.of("A", Timeframe.H1, t, c, h, l, o, v))));
        assertFalse(base.equals(DataFingerprint.of(s.withTimeframe(null))));
        assertFalse(base.equals(DataFingerprint.of(s.withLastIncomplete(true))));
        assertFalse(base.equals(DataFingerprint.of(s.slice(0, 2))));
        assertEquals(DataFingerprint.of(s.slice(1, 3)),
                DataFingerprint.of(OhlcvSeries.of("A", Timeframe.H1, new long[] {3_600_000, 7_200_000},
                        new double[] {2, 3}, new double[] {3, 4}, new double[] {1.5, 2.5}, new double[] {2.5, 3.5},
                        new double[] {20, 30})), "a view digests as the candles it shows");
    }
}
