package dev.candela.visualization.dashboard;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Escaping and number formats for the dashboard's HTML. */
final class Html {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String NONE = "\u2014";

    private Html() {
    }

    /** {@code text} safe inside element content and quoted attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A metric with four significant digits; a dash when missing. */
    static String number(double value) {
        if (Double.isNaN(value)) {
            return NONE;
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "\u221e" : "-\u221e";
        }
        double magnitude = Math.abs(value);
        if (value == Math.rint(value) && magnitude < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        if (magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e6)) {
            return String.format(Locale.ROOT, "%.3e", value);
        }
        return String.format(Locale.ROOT, "%.4g", value);
    }

    static String percent(double fraction) {
        return Double.isNaN(fraction) ? NONE : String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%,.2f", nanos / 1e6);
    }


    /** Epoch milliseconds as a UTC date and time; a dash for 0 (unknown). */
    static String time(long epochMillis) {
        return epochMillis == 0 ? NONE : DATE_TIME.format(Instant.ofEpochMilli(epochMillis));
    }
}
