/**
 * The feature cache: computed feature columns kept in memory, bounded in bytes, keyed by what they
 * were computed from.
 *
 * <p>{@link dev.candela.core.features.cache.FeatureCache} is a Caffeine cache weighed by the bytes of its
 * values. A {@link dev.candela.core.features.cache.FeatureKey} names the data (a
 * {@link dev.candela.core.features.cache.DataFingerprint} of the candles), the timeframe, the indicator spec,
 * the backend and the {@link dev.candela.core.features.cache.Precision}, so that a value is never served
 * for data, settings or hardware it was not computed with. Concurrent requests for one key compute it
 * once; the cache gives memory back to the resource optimizer as a
 * {@link dev.candela.spi.MemoryReclaimer}.
 */
package dev.candela.core.features.cache;
