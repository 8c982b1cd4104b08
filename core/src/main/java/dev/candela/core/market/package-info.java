/**
 * Synthetic candles with the texture of real markets, for examples, tests and benchmarks that must run
 * without a data file: {@link dev.candela.core.market.SyntheticMarket}.
 */
package dev.candela.core.market;
