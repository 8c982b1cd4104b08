package dev.candela.cpu.kernel;

/**
 * A series against its own value {@code lag} bars earlier, in TA-Lib's three forms: the difference (MOM),
 * the rate of change in percent {@code ((x / earlier) - 1) * 100} (ROC, and TRIX's one-bar step) and as a
 * fraction {@code (x - earlier) / earlier} (ROCP). The ratio forms are 0 where the earlier value is exactly
 * 0, as in TA-Lib.
 *
 * <p>The series kernels read {@code in[inOff + i]} and write {@code out[outOff + i]} for {@code i} in
 * {@code [0, len)}, {@code NaN} before bar {@code lag}; {@code in} and {@code out} must not overlap. They
 * never allocate.
 */
public final class LaggedChange {
    private LaggedChange() {
    }

    /** The three forms, for code that picks one per indicator rather than per call site. */
    public enum Form {
        /** {@link #difference(double, double)}. */
        DIFFERENCE,
        /** {@link #percent(double, double)}. */
        PERCENT,
        /** {@link #fraction(double, double)}. */
        FRACTION;

        /** This form of {@code x} against {@code earlier}. */
        public double of(double x, double earlier) {
            if (this == DIFFERENCE) {
                return difference(x, earlier);
            }
            return this == PERCENT ? percent(x, earlier) : fraction(x, earlier);
        }

        /** This form's series kernel; the choice is made once, outside the per-bar loop. */
        public void series(double[] in, int inOff, double[] out, int outOff, int len, int lag) {
            if (this == DIFFERENCE) {
                difference(in, inOff, out, outOff, len, lag);
            } else if (this == PERCENT) {
                percent(in, inOff, out, outOff, len, lag);
            } else {
                fraction(in, inOff, out, outOff, len, lag);
            }
        }
    }

    /** {@code x - earlier}. */
    public static double difference(double x, double earlier) {
        return x - earlier;
    }

    /** {@code ((x / earlier) - 1) * 100}, 0 where {@code earlier} is 0. */
    public static double percent(double x, double earlier) {
        return earlier != 0.0 ? ((x / earlier) - 1.0) * 100.0 : 0.0;
    }

    /** {@code (x - earlier) / earlier}, 0 where {@code earlier} is 0. */
    public static double fraction(double x, double earlier) {
        return earlier != 0.0 ? (x - earlier) / earlier : 0.0;
    }

    /** {@link #difference(double, double)} of every bar against the bar {@code lag} before it. */
    public static void difference(double[] in, int inOff, double[] out, int outOff, int len, int lag) {
        if (MovingAverages.warmUp(out, outOff, len, lag)) {
            int shift = inOff - outOff;
            for (int j = outOff + lag; j < outOff + len; j++) {
                out[j] = difference(in[shift + j], in[shift + j - lag]);
            }
        }
    }

    /** {@link #percent(double, double)} of every bar against the bar {@code lag} before it. */
    public static void percent(double[] in, int inOff, double[] out, int outOff, int len, int lag) {
        if (MovingAverages.warmUp(out, outOff, len, lag)) {
            int shift = inOff - outOff;
            for (int j = outOff + lag; j < outOff + len; j++) {
                out[j] = percent(in[shift + j], in[shift + j - lag]);
            }
        }
    }

    /** {@link #fraction(double, double)} of every bar against the bar {@code lag} before it. */
    public static void fraction(double[] in, int inOff, double[] out, int outOff, int len, int lag) {
        if (MovingAverages.warmUp(out, outOff, len, lag)) {
            int shift = inOff - outOff;
            for (int j = outOff + lag; j < outOff + len; j++) {
                out[j] = fraction(in[shift + j], in[shift + j - lag]);
            }
        }
    }
}
