package dev.candela.training;

import dev.candela.spi.MemoryReclaimer;
import org.nd4j.linalg.dataset.DataSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Raw (not normalised) datasets of recent buckets, evicted least recently used first when their bytes
 * exceed the bound. A bucket's data is used three times in a row (out-of-sample evaluation, training,
 * baseline); rebuilding an evicted bucket gives the same arrays, so eviction never changes a result.
 * Thread-safe, because the optimizer may ask it to reclaim from its monitoring thread.
 */
final class BucketDatasetCache implements MemoryReclaimer {
    private static final Logger LOG = LoggerFactory.getLogger(BucketDatasetCache.class);

    /** A bucket's training and validation examples. */
    record Entry(DataSet train, DataSet validation) {
        long bytes() {
            return Datasets.bytes(train) + Datasets.bytes(validation);
        }
    }

    private final Map<Integer, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long maxBytes;
    private long bytes;
    private long evictions;

    BucketDatasetCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    synchronized void resize(long newMaxBytes) {
        this.maxBytes = newMaxBytes;
        evictBeyond(maxBytes, -1);
    }

    /** The cached entry of {@code bucket}, or the one {@code build} makes, cached if it fits. */
    Entry get(int bucket, Supplier<Entry> build) {
        synchronized (this) {
            Entry hit = entries.get(bucket);
            if (hit != null) {
                return hit;
            }
        }
        Entry built = build.get();
        synchronized (this) {
            long size = built.bytes();
            if (size <= maxBytes) {
                Entry previous = entries.put(bucket, built);
                bytes += size - (previous == null ? 0 : previous.bytes());
                evictBeyond(maxBytes, bucket);
            }
        }
        return built;
    }

    /** Drops the entries of buckets {@code 0..bucket}; returns the bytes released. */
    synchronized long evictUpTo(int bucket) {
        long before = bytes;
        for (Iterator<Map.Entry<Integer, Entry>> it = entries.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Integer, Entry> e = it.next();
            if (e.getKey() <= bucket) {
                bytes -= e.getValue().bytes();
                evictions++;
                it.remove();
            }
        }
        return before - bytes;
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized long evictions() {
        return evictions;
    }

    @Override
    public String name() {
        return "training.bucket-datasets";
    }

    /** Moderate pressure keeps only the most recently used bucket; critical pressure drops everything. */
    @Override
    public synchronized long reclaim(Pressure pressure) {
        long before = bytes;
        if (pressure == Pressure.CRITICAL) {
            evictBeyond(0, -1);
        } else {
            int keep = entries.isEmpty() ? -1 : lastKey();
            Entry kept = keep < 0 ? null : entries.get(keep);
            evictBeyond(kept == null ? 0 : kept.bytes(), keep);
        }
        long released = before - bytes;
        if (released > 0) {
            LOG.debug("Released {} bytes of bucket datasets under {} pressure", released, pressure);
        }
        return released;
    }

    private int lastKey() {
        int last = -1;
        for (Integer key : entries.keySet()) {
            last = key;
        }
        return last;
    }

    /** Evicts least recently used entries, never {@code keep}, until at most {@code limit} bytes remain. */
    private void evictBeyond(long limit, int keep) {
        for (Iterator<Map.Entry<Integer, Entry>> it = entries.entrySet().iterator(); it.hasNext() && bytes > limit; ) {
            Map.Entry<Integer, Entry> e = it.next();
            if (e.getKey() == keep) {
                continue;
            }
            bytes -= e.getValue().bytes();
            evictions++;
            it.remove();
        }
    }
}
