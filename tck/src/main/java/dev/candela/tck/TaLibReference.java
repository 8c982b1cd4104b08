package dev.candela.tck;

import com.tictactec.ta.lib.Core;
import dev.candela.spi.Parameters;

/**
 * How to compute an indicator with TA-Lib's Java port, for agreement checks. Returns one full-length
 * array per output, in the indicator's output order, with {@code NaN} where TA-Lib gives no value
 * (use {@link TaLibOutputs#place}).
 */
@FunctionalInterface
public interface TaLibReference {
    double[][] compute(Core core, Parameters parameters, Bars bars);

    /** The price arrays of one series, whole, from bar 0. */
    record Bars(double[] open, double[] high, double[] low, double[] close, double[] volume) {
        public int length() {
            return close.length;
        }
    }
}
