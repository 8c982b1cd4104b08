package dev.candela.training;

import java.util.Arrays;

/**
 * Trades a signal out of sample, with fees, and measures it next to buy-and-hold.
 *
 * <p>The rows' forward returns span {@code horizon} bars and overlap, so the strategy acts on every
 * {@code horizon}-th row only: it holds the position the model chose there (+1 long, 0 flat, -1 short)
 * for the next {@code horizon} bars and earns {@code position * forwardReturn}. Changing the position
 * costs {@code feeRate * |new - old|}, closing the last position included. Returns compound into an
 * equity curve starting at 1; the Sharpe ratio is the mean over the standard deviation of the period
 * returns, annualised with the period length the timestamps show, and is NaN when there is no variation.
 */
final class TradingEvaluation {
    private static final double MILLIS_PER_YEAR = 365.25 * 86_400_000.0;

    /**
     * The result of one strategy.
     *
     * @param totalReturn final equity minus 1
     * @param sharpe      annualised Sharpe ratio of the period returns (risk-free rate 0)
     * @param maxDrawdown largest fall from a peak of equity, as a positive fraction
     * @param trades      number of position changes, the final close included
     */
    record Result(double totalReturn, double sharpe, double maxDrawdown, int trades) {
    }

    private TradingEvaluation() {
    }

    /**
     * @param positions      per row in time order, each -1, 0 or +1
     * @param forwardReturns per row, the return over the next {@code horizon} bars
     * @param timestamps     per row, epoch milliseconds
     */
    static Result evaluate(double[] positions, double[] forwardReturns, long[] timestamps, int horizon,
                           double feeRate) {
        int n = positions.length;
        if (forwardReturns.length != n || timestamps.length != n) {
            throw new IllegalArgumentException("positions, returns and timestamps differ in length");
        }
        int periods = (n + horizon - 1) / horizon;
        double[] returns = new double[periods];
        double held = 0;
        int trades = 0;
        for (int p = 0; p < periods; p++) {
            int row = p * horizon;
            double position = positions[row];
            double fee = feeRate * Math.abs(position - held);
            if (position != held) {
                trades++;
            }
            returns[p] = position * forwardReturns[row] - fee;
            held = position;
        }
        if (held != 0 && periods > 0) {
            returns[periods - 1] -= feeRate * Math.abs(held);
            trades++;
        }
        double equity = 1;
        double peak = 1;
        double maxDrawdown = 0;
        for (double r : returns) {
            equity *= 1 + r;
            peak = Math.max(peak, equity);
            maxDrawdown = Math.max(maxDrawdown, 1 - equity / peak);
        }
        return new Result(equity - 1, sharpe(returns, periodMillis(timestamps, horizon)), maxDrawdown, trades);
    }

    /** Buy-and-hold over the same rows: long throughout, one entry and one exit fee. */
    static Result buyAndHold(double[] forwardReturns, long[] timestamps, int horizon, double feeRate) {
        double[] longAll = new double[forwardReturns.length];
        Arrays.fill(longAll, 1.0);
        return evaluate(longAll, forwardReturns, timestamps, horizon, feeRate);
    }

    /** The holding period: {@code horizon} times the median spacing of the timestamps. */
    static double periodMillis(long[] timestamps, int horizon) {
        if (timestamps.length < 2) {
            return Double.NaN;
        }
        long[] steps = new long[timestamps.length - 1];
        for (int i = 1; i < timestamps.length; i++) {
            steps[i - 1] = timestamps[i] - timestamps[i - 1];
        }
        Arrays.sort(steps);
        return (double) steps[steps.length / 2] * horizon;
    }

    static double sharpe(double[] returns, double periodMillis) {
        int n = returns.length;
        if (n < 2 || !(periodMillis > 0)) {
            return Double.NaN;
        }
        double mean = 0;
        for (double r : returns) {
            mean += r;
        }
        mean /= n;
        double ss = 0;
        for (double r : returns) {
            ss += (r - mean) * (r - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        if (sd == 0) {
            return Double.NaN;
        }
        return mean / sd * Math.sqrt(MILLIS_PER_YEAR / periodMillis);
    }
}
