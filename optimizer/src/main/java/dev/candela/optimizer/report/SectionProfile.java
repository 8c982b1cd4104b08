package dev.candela.optimizer.report;

import java.util.Objects;

/**
 * The timings of one profiled section.
 *
 * @param name       the section's name, e.g. {@code indicator:rsi} or {@code features.compute}
 * @param calls      completed calls
 * @param totalNanos inclusive time: the section and everything it called; a call nested in a call of the
 *                   same section on the same thread (recursion) is not counted twice
 * @param selfNanos  exclusive time: the section without the profiled sections it called
 * @param meanNanos  mean inclusive duration of one call
 * @param minNanos   shortest call
 * @param maxNanos   longest call
 * @param p50Nanos   median call duration (HdrHistogram, 2 significant digits: within 1%)
 * @param p95Nanos   95th percentile call duration
 * @param p99Nanos   99th percentile call duration
 * @param share      this section's self time over the self time of all sections: the shares add up to 1
 */
public record SectionProfile(String name, long calls, long totalNanos, long selfNanos, double meanNanos,
                             long minNanos, long maxNanos, long p50Nanos, long p95Nanos, long p99Nanos,
                             double share) {

    public SectionProfile {
        Objects.requireNonNull(name, "name");
    }
}
