package dev.candela.cpu.kernel;

/**
 * Rolling maximum and minimum over a window of the last {@code window} values, and the age of that
 * extreme (bars since it occurred), computed with a monotonic deque in amortised O(1) per value.
 *
 * <p>Every kernel reads {@code in[inOff + i]} and writes {@code out[outOff + i]} for {@code i} in
 * {@code [0, len)}. The window at {@code i} is {@code [i - window + 1, i]}; the first {@code window - 1}
 * outputs are {@code NaN}, as in {@link MovingAverages}, so a kernel can start where another one's values
 * start. {@code in} and {@code out} must not overlap.
 *
 * <p>Ties: when the extreme occurs several times in the window, the most recent occurrence counts. This
 * matches TA-Lib's AROON ({@code >=} on the new value), so {@link #barsSinceMax} gives TA-Lib's
 * AROON index. The value itself does not depend on the tie rule.
 *
 * <p>Missing values: while the window holds a {@code NaN} (a bar missing from a batch), the output is
 * {@code NaN}; once the {@code NaN} has left the window, outputs are values again. The streaming
 * counterpart with identical results is {@link RollingExtremeWindow}.
 *
 * <p>Each call allocates its deque once, {@code min(window, len)} ints; nothing is allocated per value.
 * The streaming form of a high-low range is {@link RollingRange}.
 */
public final class RollingExtremes {
    private RollingExtremes() {
    }

    /** Rolling maximum over {@code window} values (lookback {@code window - 1}). */
    public static void max(double[] in, int inOff, double[] out, int outOff, int len, int window) {
        scan(in, inOff, out, outOff, len, window, 1.0, false);
    }

    /** Rolling minimum over {@code window} values (lookback {@code window - 1}). */
    public static void min(double[] in, int inOff, double[] out, int outOff, int len, int window) {
        scan(in, inOff, out, outOff, len, window, -1.0, false);
    }

    /**
     * Bars since the most recent maximum of the window, in {@code [0, window - 1]}, as a double
     * (lookback {@code window - 1}). AROON-up over {@code n} bars uses {@code window = n + 1}.
     */
    public static void barsSinceMax(double[] in, int inOff, double[] out, int outOff, int len, int window) {
        scan(in, inOff, out, outOff, len, window, 1.0, true);
    }

    /** Bars since the most recent minimum of the window, as {@link #barsSinceMax} for the minimum. */
    public static void barsSinceMin(double[] in, int inOff, double[] out, int outOff, int len, int window) {
        scan(in, inOff, out, outOff, len, window, -1.0, true);
    }

    /** The midpoint {@code (highest + lowest) / 2} of a range, in TA-Lib's MIDPOINT and MIDPRICE order. */
    public static double midpoint(double highest, double lowest) {
        return (highest + lowest) / 2.0;
    }

    /**
     * The rolling {@link #midpoint(double, double) midpoint} of the maximum of {@code high} and the minimum
     * of {@code low} over {@code window} values (lookback {@code window - 1}); pass one series twice for the
     * midpoint of its own range. {@code scratch[outOff, outOff + len)} receives the rolling minimum.
     */
    public static void midpoint(double[] high, int hOff, double[] low, int lOff, double[] out, int outOff, int len,
                                int window, double[] scratch) {
        max(high, hOff, out, outOff, len, window);
        min(low, lOff, scratch, outOff, len, window);
        for (int j = outOff + window - 1; j < outOff + len; j++) {
            out[j] = midpoint(out[j], scratch[j]);
        }
    }

    /**
     * One pass for all four kernels. Multiplying by {@code sign = -1} turns a minimum into a maximum
     * exactly (negation never rounds), so one loop serves both without a branch on the mode.
     */
    private static void scan(double[] in, int inOff, double[] out, int outOff, int len, int window, double sign,
                             boolean age) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be >= 1, was " + window);
        }
        if (len <= 0) {
            return;
        }
        int warmUp = Math.min(len, window - 1);
        MovingAverages.nan(out, outOff, warmUp);
        // Ring buffer of indices whose values decrease strictly (after the sign) from head to tail.
        int[] deque = new int[Math.min(window, len)];
        int capacity = deque.length;
        int head = 0;
        int size = 0;
        int lastNaN = Integer.MIN_VALUE;
        for (int i = 0; i < len; i++) {
            double x = in[inOff + i];
            // At most one index leaves per step: indices are distinct and increase by one.
            if (size > 0 && deque[head] <= i - window) {
                head = head + 1 == capacity ? 0 : head + 1;
                size--;
            }
            if (x != x) {
                lastNaN = i;
            } else {
                double key = sign * x;
                while (size > 0) {
                    int tail = head + size - 1;
                    if (tail >= capacity) {
                        tail -= capacity;
                    }
                    if (sign * in[inOff + deque[tail]] > key) {
                        break;
                    }
                    size--;
                }
                int slot = head + size;
                if (slot >= capacity) {
                    slot -= capacity;
                }
                deque[slot] = i;
                size++;
            }
            if (i >= window - 1) {
                double value;
                if (lastNaN > i - window) {
                    value = Double.NaN;
                } else {
                    int at = deque[head];
                    value = age ? (double) (i - at) : in[inOff + at];
                }
                out[outOff + i] = value;
            }
        }
    }
}
