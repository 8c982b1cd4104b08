/**
 * The market-data domain: candles of one symbol ({@link dev.candela.core.data.OhlcvSeries}), many symbols
 * on one time index ({@link dev.candela.core.data.SymbolBatch}), bar sizes
 * ({@link dev.candela.core.data.Timeframe}), aggregation to larger bars
 * ({@link dev.candela.core.data.Resampler}) and missing-candle detection
 * ({@link dev.candela.core.data.GapReport}).
 *
 * <p>All series are columnar and immutable: a column is a {@code double[]} (or {@code long[]} for time)
 * shared by read-only views, so slicing and handing data to kernels never copies. Times are epoch
 * milliseconds in UTC and always mean a candle's <em>open</em> time.
 */
package dev.candela.core.data;
