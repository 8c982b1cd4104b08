/**
 * Rolling-window, volume and channel indicators of the CPU library: the stochastics, Williams' %R, CCI,
 * Aroon, midpoint and midprice, parabolic SAR, OBV, the Chaikin A/D line and oscillator (all equal to
 * TA-Lib 0.4.0, warm-up included), and rolling and session VWAP, Donchian channel and a causal Ichimoku.
 *
 * <p>Each indicator is one package-private class with its streaming state nested in it; the package's
 * only public type is {@link dev.candela.cpu.window.WindowIndicators}. Batch and streaming share their
 * formulas (and, for recursive indicators, their step code), so both give the same values bit for bit.
 */
package dev.candela.cpu.window;
