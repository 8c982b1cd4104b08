package dev.candela.core.data;

import java.math.BigDecimal;

/**
 * Sums doubles that were parsed from short decimal text (prices, volumes) so that the result is the
 * double nearest to the exact decimal sum: the value an exchange that adds in decimal publishes.
 *
 * <p>Adding the doubles directly accumulates binary rounding error, so the sum of 60 one-minute
 * volumes misses the published hourly volume in the last bits more often than not. Instead each value
 * is recognised as the decimal it was read from (the fewest decimal places that parse back to it),
 * scaled to an integer count of units at the largest of those places and summed exactly in a
 * {@code long}. Values that are no short decimal, or too large to scale exactly, fall back to a
 * compensated (Neumaier) sum, which is as good as binary arithmetic allows.
 */
final class DecimalSum {
    private static final int MAX_SCALE = 12;
    /** Scaled values stay below this so that scaling a double can be off by less than half a unit. */
    private static final double MAX_EXACT_UNITS = 0x1p50;
    private static final long EXACT_LONG_LIMIT = 1L << 53;
    private static final double[] POWERS = new double[MAX_SCALE + 1];

    static {
        double power = 1;
        for (int i = 0; i <= MAX_SCALE; i++) {
            POWERS[i] = power;
            power *= 10;
        }
    }

    private DecimalSum() {
    }

    /** The sum of {@code values[from, to)}; {@code NaN} or infinite inputs give what plain addition gives. */
    static double sum(double[] values, int from, int to) {
        int scale = 0;
        for (int i = from; i < to; i++) {
            double value = values[i];
            if (!Double.isFinite(value)) {
                return plainSum(values, from, to);
            }
            int places = decimalPlaces(value);
            if (places < 0) {
                return compensatedSum(values, from, to);
            }
            scale = Math.max(scale, places);
        }
        double factor = POWERS[scale];
        long units = 0;
        for (int i = from; i < to; i++) {
            double scaled = values[i] * factor;
            if (Math.abs(scaled) >= MAX_EXACT_UNITS) {
                return compensatedSum(values, from, to);
            }
            long addend = (long) Math.rint(scaled);
            long next = units + addend;
            if (((units ^ next) & (addend ^ next)) < 0) {
                return compensatedSum(values, from, to); // overflow, reachable only with huge values
            }
            units = next;
        }
        if (Math.abs(units) < EXACT_LONG_LIMIT) {
            // Both operands are exact doubles, so one correctly rounded division gives the nearest double.
            return units / factor;
        }
        return BigDecimal.valueOf(units, scale).doubleValue();
    }

    /** The fewest decimal places whose decimal parses back to {@code value}, or -1 if more than 12 would be needed. */
    static int decimalPlaces(double value) {
        double magnitude = Math.abs(value);
        for (int places = 0; places <= MAX_SCALE; places++) {
            double scaled = magnitude * POWERS[places];
            if (scaled >= MAX_EXACT_UNITS) {
                return -1;
            }
            if (Math.rint(scaled) / POWERS[places] == magnitude) {
                return places;
            }
        }
        return -1;
    }

    private static double plainSum(double[] values, int from, int to) {
        double total = 0;
        for (int i = from; i < to; i++) {
            total += values[i];
        }
        return total;
    }

    private static double compensatedSum(double[] values, int from, int to) {
        double total = 0;
        double compensation = 0;
        for (int i = from; i < to; i++) {
            double value = values[i];
            double next = total + value;
            if (Math.abs(total) >= Math.abs(value)) {
                compensation += (total - next) + value;
            } else {
                compensation += (value - next) + total;
            }
            total = next;
        }
        return total + compensation;
    }
}
