package dev.candela.tck;

/**
 * Comparison of double series: NaN positions must match exactly; elsewhere values agree within a
 * relative tolerance, taken as absolute below magnitude 1.0.
 */
public final class Tolerance {
    private Tolerance() {
    }

    /** Whether {@code actual} is within {@code tolerance} of {@code expected}, NaN matching NaN only. */
    public static boolean close(double expected, double actual, double tolerance) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) {
            return Double.isNaN(expected) && Double.isNaN(actual);
        }
        if (expected == actual) {
            return true;
        }
        return Math.abs(expected - actual) <= tolerance * Math.max(1.0, Math.abs(expected));
    }

    /**
     * The first index where the series disagree, or -1. Lengths must match.
     */
    public static int firstMismatch(double[] expected, double[] actual, double tolerance) {
        if (expected.length != actual.length) {
            return Math.min(expected.length, actual.length);
        }
        for (int i = 0; i < expected.length; i++) {
            if (!close(expected[i], actual[i], tolerance)) {
                return i;
            }
        }
        return -1;
    }

    /** A one-line description of a mismatch at {@code i} for assertion messages. */
    public static String describe(String what, double[] expected, double[] actual, int i) {
        if (i >= expected.length || i >= actual.length) {
            return what + ": lengths differ, expected " + expected.length + " got " + actual.length;
        }
        return what + ": first difference at bar " + i + ": expected " + expected[i] + " got " + actual[i]
                + " (abs diff " + Math.abs(expected[i] - actual[i]) + ")";
    }
}
