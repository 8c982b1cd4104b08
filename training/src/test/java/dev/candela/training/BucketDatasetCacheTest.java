package dev.candela.training;

import dev.candela.spi.MemoryReclaimer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class BucketDatasetCacheTest {

    /** 10 examples x 3 features + 10 x 1 labels, floats: 160 bytes. */
    private static BucketDatasetCache.Entry entry() {
        DataSet d = new DataSet(Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 10, 3),
                Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, 10, 1));
        return new BucketDatasetCache.Entry(d, d);
    }

    @Test
    void evictsTheLeastRecentlyUsedBucketBeyondTheByteBound() {
        BucketDatasetCache cache = new BucketDatasetCache(2 * 320);
        AtomicInteger builds = new AtomicInteger();
        BucketDatasetCache.Entry first = cache.get(0, () -> {
            builds.incrementAndGet();
            return entry();
        });
        cache.get(1, BucketDatasetCacheTest::entry);
        assertSame(first, cache.get(0, BucketDatasetCacheTest::entry), "a hit, and 0 becomes the most recent");
        cache.get(2, BucketDatasetCacheTest::entry);
        assertEquals(2, cache.size());
        assertEquals(640, cache.bytes());
        assertEquals(1, cache.evictions(), "bucket 1, the least recently used, went");
        assertSame(first, cache.get(0, BucketDatasetCacheTest::entry));
        assertEquals(1, builds.get());
    }

    @Test
    void reclaimKeepsTheNewestUnderModeratePressureAndNothingUnderCritical() {
        BucketDatasetCache cache = new BucketDatasetCache(10_000);
        for (int b = 0; b < 3; b++) {
            cache.get(b, BucketDatasetCacheTest::entry);
        }
        assertEquals(640, cache.reclaim(MemoryReclaimer.Pressure.MODERATE));
        assertEquals(1, cache.size());
        assertEquals(320, cache.reclaim(MemoryReclaimer.Pressure.CRITICAL));
        assertEquals(0, cache.bytes());
    }
}
