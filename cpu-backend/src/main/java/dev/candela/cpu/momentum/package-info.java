/**
 * Momentum and volatility indicators of the Wilder family and their relatives: RSI, CMO, StochRSI, MFI,
 * ROC/ROCP/MOM, true range, ATR/NATR, the directional movement system (+DI, -DI, DX, ADX, ADXR), the
 * Ultimate Oscillator and Balance of Power, all TA-Lib-exact including the warm-up, plus Supertrend and
 * Keltner Channels built on the same ATR.
 *
 * <p>{@link dev.candela.cpu.momentum.MomentumIndicators#all()} lists them; the classes themselves are
 * package-private. Every indicator computes a batch from bar 0 and has a streaming state whose values equal
 * the batch values: both run the same arithmetic in the same order.
 */
package dev.candela.cpu.momentum;
