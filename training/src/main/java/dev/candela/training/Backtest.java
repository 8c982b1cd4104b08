package dev.candela.training;

import dev.candela.spi.Column;
import dev.candela.spi.FeatureTable;

import java.util.Arrays;
import java.util.Objects;

/**
 * Trades a signal with fees and measures it next to buy-and-hold: the trading evaluation the progressive
 * trainer runs out of sample on every bucket, for strategies to use on their own rows.
 *
 * <p>The rows' forward returns span {@code horizon} bars and overlap, so the strategy acts on every
 * {@code horizon}-th row only (rows 0, horizon, 2 horizon, ... of the arrays given): it holds the position
 * chosen there for the next {@code horizon} bars and earns {@code position * forwardReturn}; the positions
 * of the rows in between are not read. Changing the position costs {@code feeRate * |new - old|}, and
 * the last position is closed at the end at the same rate. Period returns compound into an equity curve
 * starting at 1; the Sharpe ratio is the mean over the sample standard deviation of the period returns
 * (risk-free rate 0), annualised with the period length the timestamps show ({@code horizon} times their
 * median spacing), and is NaN with fewer than two periods or no variation.
 *
 * <pre>{@code
 * Backtest backtest = new Backtest(table.horizon(), 0.0005);
 * BacktestResult strategy = backtest.run(table, rows, positions);
 * BacktestResult market = backtest.buyAndHold(table, rows);
 * }</pre>
 */
public final class Backtest {
    private static final double MILLIS_PER_YEAR = 365.25 * 86_400_000.0;

    private final int horizon;
    private final double feeRate;

    /**
     * @param horizon bars each forward return spans; the strategy trades every {@code horizon}-th row
     * @param feeRate cost per unit of position change, as a fraction (0.0005 = 5 basis points)
     * @throws IllegalArgumentException when {@code horizon < 1} or the fee rate is negative or not finite
     */
    public Backtest(int horizon, double feeRate) {
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1, is " + horizon);
        }
        if (!(feeRate >= 0) || Double.isInfinite(feeRate)) {
            throw new IllegalArgumentException("feeRate must be a finite number >= 0, is " + feeRate);
        }
        this.horizon = horizon;
        this.feeRate = feeRate;
    }

    /** Bars each forward return spans. */
    public int horizon() {
        return horizon;
    }

    /** Cost per unit of position change. */
    public double feeRate() {
        return feeRate;
    }

    /**
     * Trades {@code positions} on the rows given.
     *
     * @param positions      per row in time order: -1 short, 0 flat, +1 long (fractions are sized positions)
     * @param forwardReturns per row, the return over the next {@code horizon} bars
     * @param timestamps     per row, epoch milliseconds, ascending
     * @throws IllegalArgumentException when the arrays differ in length or a traded position or return is
     *                                  not finite (naming the row)
     */
    public BacktestResult run(double[] positions, double[] forwardReturns, long[] timestamps) {
        Objects.requireNonNull(positions, "positions");
        Objects.requireNonNull(forwardReturns, "forwardReturns");
        Objects.requireNonNull(timestamps, "timestamps");
        int n = positions.length;
        if (forwardReturns.length != n || timestamps.length != n) {
            throw new IllegalArgumentException("positions (" + n + "), forward returns (" + forwardReturns.length
                    + ") and timestamps (" + timestamps.length + ") differ in length");
        }
        int periods = (n + horizon - 1) / horizon;
        double[] returns = new double[periods];
        double held = 0;
        int trades = 0;
        for (int p = 0; p < periods; p++) {
            int row = p * horizon;
            double position = positions[row];
            if (!Double.isFinite(position) || !Double.isFinite(forwardReturns[row])) {
                throw new IllegalArgumentException("row " + row + " has position " + position + " and forward return "
                        + forwardReturns[row] + "; both must be finite");
            }
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
        return new BacktestResult(equity - 1, sharpe(returns, periodMillis(timestamps, horizon)), maxDrawdown, trades,
                periods);
    }

    /** Buy-and-hold over the same rows: long throughout, one entry and one exit fee. */
    public BacktestResult buyAndHold(double[] forwardReturns, long[] timestamps) {
        double[] longAll = new double[forwardReturns.length];
        Arrays.fill(longAll, 1.0);
        return run(longAll, forwardReturns, timestamps);
    }

    /**
     * Trades {@code positions} (one per entry of {@code rows}) on the table's forward returns and timestamps
     * of {@code rows}, which must be in time order.
     */
    public BacktestResult run(FeatureTable table, int[] rows, double[] positions) {
        return run(positions, forwardReturns(table, rows), timestamps(table, rows));
    }

    /** Buy-and-hold over the table's {@code rows}. */
    public BacktestResult buyAndHold(FeatureTable table, int[] rows) {
        return buyAndHold(forwardReturns(table, rows), timestamps(table, rows));
    }

    static double[] forwardReturns(FeatureTable table, int[] rows) {
        Column forward = table.forwardReturns();
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = forward.get(rows[i]);
        }
        return out;
    }

    static long[] timestamps(FeatureTable table, int[] rows) {
        long[] out = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = table.timestamp(rows[i]);
        }
        return out;
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
