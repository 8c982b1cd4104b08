package dev.candela.cpu.overlap;

/**
 * {@code tema(period)}: Mulloy's triple exponential moving average
 * {@code 3 * EMA - 3 * EMA(EMA) + EMA(EMA(EMA))} of the close, TA-Lib-exact (evaluated as
 * {@code e3 + (3 * e1 - 3 * e2)}), lookback {@code 3 * (period - 1)}.
 */
final class TripleExponentialMovingAverage extends MulloyMovingAverage {

    TripleExponentialMovingAverage() {
        super("tema", "Triple Exponential Moving Average", 3, "period of the three EMAs");
    }
}
