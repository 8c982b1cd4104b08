package dev.candela.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/**
 * The {@code optimizer} section.
 *
 * @param sampleIntervalMillis how often resource usage is sampled, at least 1 ms
 * @param thresholds           utilisation limits; individual limits may be {@code null} (derived)
 */
public record OptimizerConfig(long sampleIntervalMillis, ResourceThresholds thresholds) {

    public OptimizerConfig {
        if (sampleIntervalMillis < 1) {
            throw ConfigException.invalidValue("optimizer.sampleIntervalMillis",
                    "must be at least 1, was " + sampleIntervalMillis);
        }
        thresholds = thresholds != null ? thresholds : ResourceThresholds.derived();
    }

    public static OptimizerConfig defaults() {
        return fromJson(null, null);
    }

    /** {@link #sampleIntervalMillis()} as a duration. */
    public Duration sampleInterval() {
        return Duration.ofMillis(sampleIntervalMillis);
    }

    @JsonCreator
    static OptimizerConfig fromJson(@JsonProperty("sampleIntervalMillis") Long sampleIntervalMillis,
            @JsonProperty("thresholds") ResourceThresholds thresholds) {
        return new OptimizerConfig(
                sampleIntervalMillis != null ? sampleIntervalMillis : ConfigDefaults.OPTIMIZER_SAMPLE_INTERVAL_MILLIS,
                thresholds);
    }
}
