package dev.candela.benchmarks;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;

/**
 * One TA-Lib function bound to the arguments of a {@link ComparedIndicator}, called the way TA-Lib is
 * meant to be compared with Candela: over a whole series, {@code startIdx = 0} to {@code endIdx = n - 1},
 * into output arrays the caller allocated once.
 *
 * <p>TA-Lib writes its outputs packed: the value of bar {@code beginIndex + j} lands at index {@code j}.
 * Instances keep TA-Lib's out-parameters between calls and are therefore confined to one thread.
 */
@FunctionalInterface
interface TaLibFunction {

    /**
     * Computes every output over bars {@code 0..length-1} of the inputs (those the function does not read
     * are ignored).
     *
     * @param outputs one array of at least {@code length} values per output, in Candela's output order
     * @return the first bar with a value (TA-Lib's {@code outBegIdx}), or {@code length} when the series is
     *         not longer than the lookback
     * @throws IllegalStateException if TA-Lib reports an error
     */
    int compute(double[] high, double[] low, double[] close, int length, double[][] outputs);

    /** TA-Lib's function for {@code indicator}, with its default moving-average type where it takes one. */
    static TaLibFunction of(ComparedIndicator indicator) {
        Core core = new Core();
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        switch (indicator) {
            case RSI: {
                int period = indicator.period(0);
                return (high, low, close, n, out) ->
                        checked(core.rsi(0, n - 1, close, period, begin, count, out[0]), begin, count, n);
            }
            case EMA: {
                int period = indicator.period(0);
                return (high, low, close, n, out) ->
                        checked(core.ema(0, n - 1, close, period, begin, count, out[0]), begin, count, n);
            }
            case SMA: {
                int period = indicator.period(0);
                return (high, low, close, n, out) ->
                        checked(core.sma(0, n - 1, close, period, begin, count, out[0]), begin, count, n);
            }
            case MACD: {
                int fast = indicator.period(0);
                int slow = indicator.period(1);
                int signal = indicator.period(2);
                return (high, low, close, n, out) -> checked(core.macd(0, n - 1, close, fast, slow, signal,
                        begin, count, out[0], out[1], out[2]), begin, count, n);
            }
            case BBANDS: {
                int period = indicator.period(0);
                double k = indicator.argument(1);
                return (high, low, close, n, out) -> checked(core.bbands(0, n - 1, close, period, k, k, MAType.Sma,
                        begin, count, out[0], out[1], out[2]), begin, count, n);
            }
            case ATR: {
                int period = indicator.period(0);
                return (high, low, close, n, out) ->
                        checked(core.atr(0, n - 1, high, low, close, period, begin, count, out[0]), begin, count, n);
            }
            default:
                throw new IllegalArgumentException("no TA-Lib function for " + indicator.spec());
        }
    }

    private static int checked(RetCode code, MInteger begin, MInteger count, int length) {
        if (code != RetCode.Success) {
            throw new IllegalStateException("TA-Lib returned " + code);
        }
        if (count.value == 0) {
            return length;
        }
        if (begin.value + count.value != length) {
            throw new IllegalStateException("TA-Lib wrote " + count.value + " values from bar " + begin.value
                    + " of " + length);
        }
        return begin.value;
    }
}
