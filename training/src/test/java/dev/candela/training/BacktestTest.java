package dev.candela.training;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BacktestTest {
    private static final long HOUR = 3_600_000L;

    @Test
    void handComputedStrategyWithFeesDrawdownAndTrades() {
        // horizon 2: the strategy acts on rows 0, 2, 4 and 6 only.
        double[] positions = {1, -1, 1, 1, -1, 0, 0, 1};
        double[] returns = {0.10, 9, -0.05, 9, -0.02, 9, 0.30, 9};
        long[] time = new long[8];
        for (int i = 0; i < 8; i++) {
            time[i] = i * HOUR;
        }
        double fee = 0.01;
        BacktestResult r = new Backtest(2, fee).run(positions, returns, time);
        // period returns: +0.10 - 0.01 (enter long); -0.05 (hold); +0.02 - 0.02 (flip to short); 0 - 0.01 (close)
        double[] expected = {0.09, -0.05, 0.0, -0.01};
        double equity = 1;
        for (double p : expected) {
            equity *= 1 + p;
        }
        assertEquals(equity - 1, r.totalReturn(), 1e-12);
        assertEquals(3, r.trades(), "enter long, flip short, close");
        assertEquals(4, r.periods());
        // peak 1.09, trough 1.09 * 0.95 * 1.0 * 0.99
        assertEquals(1 - 0.95 * 0.99, r.maxDrawdown(), 1e-12);
        double mean = (0.09 - 0.05 + 0.0 - 0.01) / 4;
        double var = 0;
        for (double p : expected) {
            var += (p - mean) * (p - mean);
        }
        double sd = Math.sqrt(var / 3);
        double periodsPerYear = 365.25 * 24 / 2;
        assertEquals(mean / sd * Math.sqrt(periodsPerYear), r.sharpe(), 1e-9);
    }

    @Test
    void buyAndHoldPaysOneEntryAndOneExit() {
        double[] returns = {0.01, 0.02, -0.01};
        long[] time = {0, HOUR, 2 * HOUR};
        BacktestResult r = new Backtest(1, 0.001).buyAndHold(returns, time);
        assertEquals(1.009 * 1.02 * 0.989 - 1, r.totalReturn(), 1e-12);
        assertEquals(2, r.trades());
    }

    @Test
    void flatSignalHasNoTradesAndNoSharpe() {
        BacktestResult r = new Backtest(1, 0.01).run(new double[4], new double[] {0.1, -0.1, 0.2, 0},
                new long[] {0, HOUR, 2 * HOUR, 3 * HOUR});
        assertEquals(0, r.totalReturn());
        assertEquals(0, r.trades());
        assertTrue(Double.isNaN(r.sharpe()));
        assertEquals(0, r.maxDrawdown());
    }

    @Test
    void tableFormReadsTheRowsForwardReturnsAndTimestamps() {
        var table = TestTables.learnable(50, 2, 3);
        int[] rows = {10, 11, 12, 13, 14, 15};
        double[] positions = {1, 0, -1, -1, 0, 1};
        double[] returns = new double[rows.length];
        long[] time = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            returns[i] = table.forwardReturns().get(rows[i]);
            time[i] = table.timestamp(rows[i]);
        }
        Backtest backtest = new Backtest(1, 0.002);
        assertEquals(backtest.run(positions, returns, time), backtest.run(table, rows, positions));
        assertEquals(backtest.buyAndHold(returns, time), backtest.buyAndHold(table, rows));
    }

    @Test
    void rejectsMismatchedLengthsNonFinitePositionsAndBadSettings() {
        Backtest backtest = new Backtest(1, 0.0);
        IllegalArgumentException lengths = assertThrows(IllegalArgumentException.class,
                () -> backtest.run(new double[2], new double[3], new long[2]));
        assertTrue(lengths.getMessage().contains("differ in length"), lengths.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> backtest.run(new double[] {0, Double.NaN}, new double[2], new long[] {0, HOUR}));
        assertTrue(nan.getMessage().contains("row 1"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Backtest(0, 0.001));
        assertThrows(IllegalArgumentException.class, () -> new Backtest(1, -0.001));
    }
}
