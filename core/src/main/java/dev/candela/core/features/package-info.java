/**
 * Features for research and training, without look-ahead.
 *
 * <p>{@link dev.candela.core.features.FeaturePipeline} resamples base candles to the configured
 * timeframes, computes each timeframe's indicators on the chosen backend and merges them onto the base
 * rows with {@link dev.candela.core.features.TimeframeMerge}'s rule (a higher candle appears on the base
 * bar that closes when it closes, at {@code open + higher - base}), giving a
 * {@link dev.candela.core.features.FeatureFrame} with columns such as {@code 1h:rsi(14)} and
 * {@code 4h:macd(12,26,9).hist}, plus optional weighted multi-timeframe columns ({@code mtf:rsi(14)}).
 *
 * <p>{@link dev.candela.core.features.FeatureMatrix} turns a frame into training rows: chosen columns,
 * lags ({@code 1h:rsi(14)@lag3}), past returns, labels from the forward return
 * ({@link dev.candela.core.features.LabelSpec}), and normalisation whose statistics come only from the
 * rows they are fitted on ({@link dev.candela.core.features.NormalizationStats}); warm-up rows are dropped
 * and counted. It implements {@link dev.candela.spi.FeatureTable}, which the training module reads.
 *
 * <p>{@link dev.candela.core.features.LookaheadAudit} recomputes features on the data cut at many points
 * and reports every column whose earlier values change.
 */
package dev.candela.core.features;
