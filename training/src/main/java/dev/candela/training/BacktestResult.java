package dev.candela.training;

/**
 * The outcome of one {@link Backtest} run.
 *
 * @param totalReturn final equity minus 1, fees paid
 * @param sharpe      annualised Sharpe ratio of the period returns (risk-free rate 0); NaN with fewer than two
 *                    periods or no variation
 * @param maxDrawdown largest fall of equity from a peak, as a positive fraction (0 when it never fell)
 * @param trades      position changes, the final close included
 * @param periods     holding periods traded (every {@code horizon}-th row)
 */
public record BacktestResult(double totalReturn, double sharpe, double maxDrawdown, int trades, int periods) {
}
