package dev.candela.core.features.cache;

import java.util.Locale;

/**
 * A snapshot of a {@link FeatureCache}'s counters since it was created.
 *
 * @param hits            requests answered from the cache (a bulk request counts each key)
 * @param misses          requests that had to compute
 * @param evictions       values the size bound pushed out
 * @param evictedBytes    bytes of those values
 * @param loadFailures    computations that failed
 * @param reclaimedBytes  bytes given back to the resource optimizer on request
 * @param entries         values held now (an estimate while others are being added)
 * @param bytes           bytes held now
 * @param maxBytes        the bound on {@code bytes}
 */
public record FeatureCacheStats(long hits, long misses, long evictions, long evictedBytes, long loadFailures,
                                long reclaimedBytes, long entries, long bytes, long maxBytes) {

    /** Share of requests answered from the cache; 1 when there were none. */
    public double hitRate() {
        long requests = hits + misses;
        return requests == 0 ? 1.0 : (double) hits / requests;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "FeatureCacheStats[%d hits, %d misses (%.1f%% hit rate), %d evictions (%d bytes), %d load failures, "
                        + "%d bytes reclaimed, %d entries, %d of %d bytes]",
                hits, misses, 100 * hitRate(), evictions, evictedBytes, loadFailures, reclaimedBytes, entries, bytes,
                maxBytes);
    }
}
