/**
 * The shared arithmetic of the CPU indicators: one implementation of each formula, so that every indicator
 * built on it rounds the same way and agrees with TA-Lib. Two kinds of classes live here.
 *
 * <p>Batch kernels are static methods over array ranges, reading {@code in[inOff + i]} and writing
 * {@code out[outOff + i]} for {@code i} in {@code [0, len)}, with {@code NaN} before their lookback so that
 * one kernel can run on the values of another ({@link dev.candela.cpu.kernel.MovingAverages},
 * {@link dev.candela.cpu.kernel.RollingExtremes}, {@link dev.candela.cpu.kernel.RollingMoments},
 * {@link dev.candela.cpu.kernel.TrueRange}, {@link dev.candela.cpu.kernel.DirectionalMovement},
 * {@link dev.candela.cpu.kernel.LaggedChange}, {@link dev.candela.cpu.kernel.PercentK},
 * {@link dev.candela.cpu.kernel.TypicalPrice}), next to the one-value formulas that batch and streaming code
 * share ({@link dev.candela.cpu.kernel.WilderSmoothing}, {@link dev.candela.cpu.kernel.TaLibZero} and the
 * scalar methods of the kernel classes). Nothing is allocated per bar. Most kernels allocate nothing at
 * all; a few allocate once per call: the rolling extremes their deque (and with them {@link
 * dev.candela.cpu.kernel.PercentK#series} and the rolling midpoint), the rolling moments their running-sum
 * window.
 *
 * <p>Streaming classes take one value at a time: {@link dev.candela.cpu.kernel.SmaStream},
 * {@link dev.candela.cpu.kernel.EmaStream}, {@link dev.candela.cpu.kernel.WmaStream},
 * {@link dev.candela.cpu.kernel.RollingMomentsStream}, {@link dev.candela.cpu.kernel.RollingExtremeWindow},
 * {@link dev.candela.cpu.kernel.RollingRange}, and {@link dev.candela.cpu.kernel.SlidingWindow}, the ring
 * buffer of the last values that the windowed streams run on too. Each repeats the arithmetic of its batch
 * kernel in the same order, so streaming values equal batch values bit for bit; each saves and restores
 * itself under a key prefix, so one indicator state can hold several. They allocate their buffers when
 * constructed and are not thread-safe: one instance per symbol.
 */
package dev.candela.cpu.kernel;
