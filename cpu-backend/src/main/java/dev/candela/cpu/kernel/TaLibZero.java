package dev.candela.cpu.kernel;

/**
 * TA-Lib 0.4.0's zero test {@code TA_IS_ZERO}: a value within {@code 1e-8} of zero counts as zero, which
 * decides the result of every ratio whose denominator can vanish (RSI, CMO, DX, NATR, PPO, KAMA, ULTOSC).
 * Written once so that those guards agree with TA-Lib and with each other.
 */
public final class TaLibZero {
    /** The half-width of the band around zero. */
    public static final double EPSILON = 1e-8;

    private TaLibZero() {
    }

    /** Whether {@code -1e-8 < x < 1e-8}; false for {@code NaN}, so that {@code NaN} flows into the result. */
    public static boolean isZero(double x) {
        return x > -EPSILON && x < EPSILON;
    }
}
