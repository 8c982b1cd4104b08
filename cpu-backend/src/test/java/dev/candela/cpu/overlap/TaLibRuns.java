package dev.candela.cpu.overlap;

import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;
import dev.candela.tck.TaLibOutputs;

/** Whole-series TA-Lib calls (startIdx 0, endIdx n - 1), unpacked to full-length arrays. */
final class TaLibRuns {
    private TaLibRuns() {
    }

    /** A TA-Lib function writing one output array. */
    @FunctionalInterface
    interface One {
        RetCode call(int endIdx, MInteger begin, MInteger count, double[] out);
    }

    /** A TA-Lib function writing three output arrays. */
    @FunctionalInterface
    interface Three {
        RetCode call(int endIdx, MInteger begin, MInteger count, double[] first, double[] second, double[] third);
    }

    static double[][] one(String function, int n, One call) {
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        double[] out = new double[n];
        TaLibOutputs.check(function, call.call(n - 1, begin, count, out));
        return new double[][] {TaLibOutputs.place(n, begin, count, out)};
    }

    static double[][] three(String function, int n, Three call) {
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        double[] first = new double[n];
        double[] second = new double[n];
        double[] third = new double[n];
        TaLibOutputs.check(function, call.call(n - 1, begin, count, first, second, third));
        return new double[][] {TaLibOutputs.place(n, begin, count, first), TaLibOutputs.place(n, begin, count, second),
                TaLibOutputs.place(n, begin, count, third)};
    }
}
