package dev.candela.cpu.momentum;

import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;
import dev.candela.tck.TaLibOutputs;

/** Unpacks one or two TA-Lib output arrays of a whole-series call (startIdx 0, endIdx n - 1). */
final class TaLibCalls {
    private TaLibCalls() {
    }

    /** A TA-Lib call writing one output array. */
    @FunctionalInterface
    interface Single {
        RetCode call(int endIdx, MInteger begin, MInteger count, double[] out);
    }

    /** A TA-Lib call writing two output arrays. */
    @FunctionalInterface
    interface Pair {
        RetCode call(int endIdx, MInteger begin, MInteger count, double[] first, double[] second);
    }

    static double[][] single(String function, int n, Single call) {
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        double[] out = new double[n];
        TaLibOutputs.check(function, call.call(n - 1, begin, count, out));
        return new double[][] {TaLibOutputs.place(n, begin, count, out)};
    }

    static double[][] pair(String function, int n, Pair call) {
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        double[] first = new double[n];
        double[] second = new double[n];
        TaLibOutputs.check(function, call.call(n - 1, begin, count, first, second));
        return new double[][] {TaLibOutputs.place(n, begin, count, first), TaLibOutputs.place(n, begin, count, second)};
    }
}
