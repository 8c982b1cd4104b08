package dev.candela.core.hardware;

import java.util.Locale;

/** Formats byte counts for people: binary units, one decimal. */
final class ByteSizes {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private ByteSizes() {
    }

    static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        int unit = (63 - Long.numberOfLeadingZeros(bytes)) / 10;
        double value = bytes / (double) (1L << (10 * unit));
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }
}
