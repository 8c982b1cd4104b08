/**
 * Point-density reduction applied before rendering: {@link dev.candela.visualization.density.LargestTriangleThreeBuckets}
 * for lines (shape and extremes kept) and {@link dev.candela.visualization.density.CandleAggregation} for
 * candles (exact highs and lows kept), so that a chart never draws more marks than it has pixels.
 */
package dev.candela.visualization.density;
