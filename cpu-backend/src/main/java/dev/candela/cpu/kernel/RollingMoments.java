package dev.candela.cpu.kernel;

/**
 * The rolling mean and population variance of a window, in TA-Lib's one-pass form: running sums of the
 * values and of their squares, {@code variance = sumSq / period - mean^2}. The mean is bit-identical to
 * {@link MovingAverages#sma}, so Bollinger bands, standard deviation and variance built on it agree with
 * the SMA of the same window and with TA-Lib.
 *
 * <p>The running sums form a chain of dependent additions that no reordering may break without changing
 * the rounding, while the divisions and square roots hanging off it are independent of each other. So a
 * {@link Window} stores the sums of a block of bars first and divides them in a second pass, where the JIT
 * can use vector divisions, instead of queueing two scalar divisions behind every step of the chain; the
 * values are the same bits either way. Callers work block by block ({@link #BLOCK} bars) so that the
 * later passes find the block in cache.
 *
 * <p>The one-pass variance loses precision when the variance is tiny against the squared mean (a flat
 * window of large prices), and may then come out slightly negative; TA-Lib's callers treat values below
 * {@link #FLAT_VARIANCE} as zero and so do Candela's.
 */
public final class RollingMoments {
    /** TA-Lib 0.4.0's threshold under which a variance counts as zero before taking its square root. */
    public static final double FLAT_VARIANCE = TaLibZero.EPSILON;
    /** Bars per block: three arrays of it fit in a core's L2 cache with room to spare. */
    public static final int BLOCK = 4096;

    private RollingMoments() {
    }

    /**
     * Writes the rolling mean and population variance of {@code in[inOff, inOff + len)} over {@code period}
     * values to {@code mean} and {@code variance} at {@code outOff}, {@code NaN} before bar
     * {@code period - 1}. The two outputs must be distinct arrays and must not overlap the input.
     */
    public static void meanAndVariance(double[] in, int inOff, double[] mean, double[] variance, int outOff, int len,
                                       int period) {
        Window w = new Window(in, inOff, len, period);
        MovingAverages.nan(mean, outOff, w.first());
        MovingAverages.nan(variance, outOff, w.first());
        for (int from = w.first(); from < len; from += BLOCK) {
            w.next(mean, variance, outOff, Math.min(len, from + BLOCK));
        }
    }

    /**
     * Writes {@link #standardDeviation(double)} of {@code variance[from, to)} to {@code deviation[from, to)};
     * the arrays must be distinct.
     */
    public static void standardDeviation(double[] variance, double[] deviation, int from, int to) {
        // Square roots of all values vectorise; the rare flat windows are patched afterwards.
        for (int i = from; i < to; i++) {
            deviation[i] = Math.sqrt(variance[i]);
        }
        for (int i = from; i < to; i++) {
            if (variance[i] < FLAT_VARIANCE) {
                deviation[i] = 0.0;
            }
        }
    }

    /**
     * The standard deviation of a variance from {@link #meanAndVariance}: 0 below {@link #FLAT_VARIANCE}
     * (negative values included), {@code NaN} for {@code NaN}.
     */
    public static double standardDeviation(double variance) {
        return variance < FLAT_VARIANCE ? 0.0 : Math.sqrt(variance);
    }

    /**
     * The running sums of one series, advanced block by block: {@link #next} writes mean and variance of
     * the bars up to a given end, continuing where the previous block stopped.
     */
    public static final class Window {
        private final double[] in;
        private final int inOff;
        private final int lookback;
        private final double period;
        private double sum;
        private double sumSq;
        private int bar;

        /**
         * Sums the first {@code period - 1} values of {@code in[inOff, inOff + len)}; the first bar with a
         * value is {@link #first()}.
         */
        public Window(double[] in, int inOff, int len, int period) {
            this.in = in;
            this.inOff = inOff;
            this.lookback = period - 1;
            this.period = period;
            this.bar = Math.min(lookback, len);
            for (int i = 0; i < bar; i++) {
                double x = in[inOff + i];
                sum += x;
                sumSq += x * x;
            }
        }

        /** The first bar with a value: {@code period - 1}, or the length when the series is shorter. */
        public int first() {
            return bar < lookback ? bar : lookback;
        }

        /** The bar the next block starts at. */
        public int position() {
            return bar;
        }

        /**
         * Writes mean and variance of bars {@code [position(), to)} to {@code mean} and {@code variance} at
         * {@code outOff + bar}.
         */
        public void next(double[] mean, double[] variance, int outOff, int to) {
            int from = bar;
            if (from < lookback) {
                return;
            }
            double s = sum;
            double sq = sumSq;
            int trailing = inOff - lookback;
            for (int i = from; i < to; i++) {
                double x = in[inOff + i];
                s += x;
                sq += x * x;
                mean[outOff + i] = s;
                variance[outOff + i] = sq;
                double old = in[trailing + i];
                s -= old;
                sq -= old * old;
            }
            sum = s;
            sumSq = sq;
            bar = to;
            divide(mean, variance, outOff, from, to);
        }

        /** Turns the stored sums of bars {@code [from, to)} into mean and variance. */
        private void divide(double[] mean, double[] variance, int outOff, int from, int to) {
            double n = period;
            for (int i = outOff + from; i < outOff + to; i++) {
                double m1 = mean[i] / n;
                double m2 = variance[i] / n;
                mean[i] = m1;
                variance[i] = m2 - m1 * m1;
            }
        }
    }

    /**
     * {@link Window#next} of four windows of the same period and length, all at the same position, in one
     * loop: a single window's two chains of additions leave the core mostly waiting, four overlap. Each
     * window writes exactly what its own {@code next} would, bit for bit, to {@code mean[j]} and
     * {@code variance[j]} at offset 0.
     */
    public static void nextFour(Window[] w, double[][] mean, double[][] variance, int to) {
        Window w0 = w[0];
        Window w1 = w[1];
        Window w2 = w[2];
        Window w3 = w[3];
        int from = w0.bar;
        if (w1.bar != from || w2.bar != from || w3.bar != from || w1.lookback != w0.lookback
                || w2.lookback != w0.lookback || w3.lookback != w0.lookback) {
            throw new IllegalArgumentException("four windows must share their period and position");
        }
        if (from < w0.lookback) {
            return;
        }
        // The arrays and offsets live in locals so that the loop keeps all four streams in registers.
        double[] in0 = w0.in;
        double[] in1 = w1.in;
        double[] in2 = w2.in;
        double[] in3 = w3.in;
        int i0 = w0.inOff;
        int i1 = w1.inOff;
        int i2 = w2.inOff;
        int i3 = w3.inOff;
        int lookback = w0.lookback;
        double[] m0 = mean[0];
        double[] m1 = mean[1];
        double[] m2 = mean[2];
        double[] m3 = mean[3];
        double[] v0 = variance[0];
        double[] v1 = variance[1];
        double[] v2 = variance[2];
        double[] v3 = variance[3];
        double s0 = w0.sum;
        double s1 = w1.sum;
        double s2 = w2.sum;
        double s3 = w3.sum;
        double q0 = w0.sumSq;
        double q1 = w1.sumSq;
        double q2 = w2.sumSq;
        double q3 = w3.sumSq;
        for (int i = from; i < to; i++) {
            double x0 = in0[i0 + i];
            double x1 = in1[i1 + i];
            double x2 = in2[i2 + i];
            double x3 = in3[i3 + i];
            s0 += x0;
            s1 += x1;
            s2 += x2;
            s3 += x3;
            q0 += x0 * x0;
            q1 += x1 * x1;
            q2 += x2 * x2;
            q3 += x3 * x3;
            m0[i] = s0;
            m1[i] = s1;
            m2[i] = s2;
            m3[i] = s3;
            v0[i] = q0;
            v1[i] = q1;
            v2[i] = q2;
            v3[i] = q3;
            double o0 = in0[i0 - lookback + i];
            double o1 = in1[i1 - lookback + i];
            double o2 = in2[i2 - lookback + i];
            double o3 = in3[i3 - lookback + i];
            s0 -= o0;
            s1 -= o1;
            s2 -= o2;
            s3 -= o3;
            q0 -= o0 * o0;
            q1 -= o1 * o1;
            q2 -= o2 * o2;
            q3 -= o3 * o3;
        }
        w0.sum = s0;
        w1.sum = s1;
        w2.sum = s2;
        w3.sum = s3;
        w0.sumSq = q0;
        w1.sumSq = q1;
        w2.sumSq = q2;
        w3.sumSq = q3;
        for (int j = 0; j < 4; j++) {
            w[j].bar = to;
            w[j].divide(mean[j], variance[j], 0, from, to);
        }
    }
}
