package dev.candela.tck;

import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;

import java.util.Arrays;

/** Unpacks TA-Lib's outputs, which start at index 0 with {@code outBegIdx} saying where they belong. */
public final class TaLibOutputs {
    private TaLibOutputs() {
    }

    /** A {@code length}-long array: {@code NaN}, then {@code packed[0..count)} from {@code begin} on. */
    public static double[] place(int length, MInteger begin, MInteger count, double[] packed) {
        double[] out = new double[length];
        Arrays.fill(out, Double.NaN);
        System.arraycopy(packed, 0, out, begin.value, count.value);
        return out;
    }

    /** Same as {@link #place(int, MInteger, MInteger, double[])} for TA-Lib's integer outputs. */
    public static double[] place(int length, MInteger begin, MInteger count, int[] packed) {
        double[] out = new double[length];
        Arrays.fill(out, Double.NaN);
        for (int i = 0; i < count.value; i++) {
            out[begin.value + i] = packed[i];
        }
        return out;
    }

    /** Fails with the function's name when TA-Lib did not return success. */
    public static void check(String function, RetCode code) {
        if (code != RetCode.Success) {
            throw new IllegalStateException("TA-Lib " + function + " returned " + code);
        }
    }
}
