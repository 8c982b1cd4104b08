package dev.candela.optimizer.report;

import dev.candela.core.io.ByteSizes;

import java.util.Locale;

/** Numbers as a person reads them in the text summary and in suggestion messages. */
public final class HumanReadable {

    private HumanReadable() {
    }

    /** A duration with three or four significant digits: {@code 812 ns}, {@code 3.41 ms}, {@code 12.00 s}. */
    public static String duration(long nanos) {
        if (nanos < 1_000) {
            return nanos + " ns";
        }
        if (nanos < 1_000_000) {
            return String.format(Locale.ROOT, "%.2f us", nanos / 1e3);
        }
        if (nanos < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
        }
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    /** A byte count in binary units: {@code 512 B}, {@code 1.5 GiB}. */
    public static String bytes(long bytes) {
        return ByteSizes.format(bytes);
    }

    /** A fraction as a percentage with one decimal, {@code n/a} for NaN. */
    public static String percent(double fraction) {
        return Double.isNaN(fraction) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    static String abbreviate(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "~";
    }
}
