/**
 * The moving-average family of the CPU backend and the indicators built on it: TA-Lib-exact {@code sma},
 * {@code ema}, {@code wma}, {@code dema}, {@code tema}, {@code trima}, {@code kama}, {@code t3},
 * {@code bbands}, {@code macd}, {@code apo}, {@code ppo}, {@code trix}, {@code stddev} and {@code var},
 * plus the Hull moving average {@code hma} and the rolling {@code zscore}.
 *
 * <p>Every indicator computes from bar 0 with TA-Lib's seeding and operation order, so batch values match
 * TA-Lib's whole-series runs, and its streaming state repeats the batch arithmetic in the same order, so
 * streaming values match the batch ones bit for bit. Entry point: {@link OverlapIndicators#all()}.
 */
package dev.candela.cpu.overlap;
