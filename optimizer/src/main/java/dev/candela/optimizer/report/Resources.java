package dev.candela.optimizer.report;

import java.util.List;

/**
 * The resource part of a report.
 *
 * @param intervalMillis the sampling interval
 * @param summary        aggregates over {@code samples}
 * @param samples        the time series, oldest first (the most recent ones when the history bound was hit)
 */
public record Resources(long intervalMillis, ResourceSummary summary, List<ResourceSample> samples) {

    public Resources {
        samples = samples == null ? List.of() : List.copyOf(samples);
        summary = summary != null ? summary : ResourceSummary.of(samples);
    }
}
