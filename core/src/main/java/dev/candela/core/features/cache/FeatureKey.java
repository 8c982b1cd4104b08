package dev.candela.core.features.cache;

import dev.candela.core.data.Timeframe;

import java.util.Objects;

/**
 * What one cached value was computed from: the base candles, the timeframe the indicator ran on, the
 * indicator's canonical spec, the backend and its precision.
 *
 * @param data      fingerprint of the base candles the feature rows belong to
 * @param timeframe the timeframe the indicator was computed on (the base one or a higher one)
 * @param indicator canonical indicator spec, every parameter spelled out: {@code macd(12,26,9)}
 * @param backend   name of the backend that computes it: {@code cpu}, {@code gpu}
 * @param precision the backend's floating-point precision
 */
public record FeatureKey(DataFingerprint data, Timeframe timeframe, String indicator, String backend,
                         Precision precision) {

    public FeatureKey {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(precision, "precision");
    }
}
