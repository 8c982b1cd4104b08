package dev.candela.cpu.overlap;

/**
 * {@code dema(period)}: Mulloy's double exponential moving average {@code 2 * EMA - EMA(EMA)} of the close,
 * TA-Lib-exact; the inner EMA is seeded with the SMA of the outer EMA's first {@code period} values, so the
 * lookback is {@code 2 * (period - 1)}.
 */
final class DoubleExponentialMovingAverage extends MulloyMovingAverage {

    DoubleExponentialMovingAverage() {
        super("dema", "Double Exponential Moving Average", 2, "period of both EMAs");
    }
}
