package dev.candela.core.io;

import java.util.Locale;

/** Formats byte counts for people: binary units, one decimal ({@code 512 B}, {@code 1.5 GiB}). */
public final class ByteSizes {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private ByteSizes() {
    }

    /** {@code bytes} in the largest binary unit that keeps the value at least 1; below 1 KiB, whole bytes. */
    public static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        int unit = (63 - Long.numberOfLeadingZeros(bytes)) / 10;
        double value = bytes / (double) (1L << (10 * unit));
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }
}
