package dev.candela.core.csv;

import java.time.Instant;

/**
 * Reads and writes candle times as text without allocating: ISO-8601 dates and date-times, and epoch
 * numbers whose unit is told by their magnitude.
 *
 * <p>Accepted: {@code 2021-03-01T00:00:00Z}, {@code 2021-03-01 00:00:00} (UTC when no zone is given),
 * optional seconds, a fraction (kept to the millisecond), a zone {@code Z} or {@code ±hh:mm},
 * {@code ±hhmm}, {@code ±hh}; a bare date {@code 2021-03-01} (midnight UTC); and integer epoch times:
 * below 10<sup>11</sup> seconds, below 10<sup>14</sup> milliseconds, below 10<sup>17</sup> microseconds
 * (Binance spot files since 2025), else nanoseconds. Each range covers dates from 1973 to 5138 in its unit.
 */
final class TimestampText {
    /** Returned by {@link #parse} for text that is no timestamp. */
    static final long INVALID = Long.MIN_VALUE;
    /** Room {@link #format(long, char[], int)} needs at most. */
    static final int MAX_LENGTH = 32;

    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final long SECONDS_LIMIT = 100_000_000_000L;
    private static final long MILLIS_LIMIT = 100_000_000_000_000L;
    private static final long MICROS_LIMIT = 100_000_000_000_000_000L;
    private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private TimestampText() {
    }

    /** The epoch milliseconds that {@code text[start, end)} denotes, or {@link #INVALID}. */
    static long parse(char[] text, int start, int end) {
        while (start < end && isBlank(text[start])) {
            start++;
        }
        while (end > start && isBlank(text[end - 1])) {
            end--;
        }
        if (start == end) {
            return INVALID;
        }
        long epoch = parseEpoch(text, start, end);
        return epoch != INVALID ? epoch : parseIso(text, start, end);
    }

    /** Convenience for tests and messages. */
    static long parse(String text) {
        return parse(text.toCharArray(), 0, text.length());
    }

    private static long parseEpoch(char[] text, int start, int end) {
        int i = start;
        boolean negative = text[i] == '-';
        if (negative) {
            i++;
        }
        if (i == end || end - i > 19) {
            return INVALID;
        }
        long value = 0;
        for (; i < end; i++) {
            int digit = text[i] - '0';
            if (digit < 0 || digit > 9) {
                return INVALID;
            }
            value = value * 10 + digit;
            if (value < 0) {
                return INVALID;
            }
        }
        long signed = negative ? -value : value;
        if (value < SECONDS_LIMIT) {
            return signed * 1000;
        }
        if (value < MILLIS_LIMIT) {
            return signed;
        }
        if (value < MICROS_LIMIT) {
            return Math.floorDiv(signed, 1000);
        }
        return Math.floorDiv(signed, 1_000_000);
    }

    private static long parseIso(char[] t, int start, int end) {
        int length = end - start;
        if (length < 10 || t[start + 4] != '-' || t[start + 7] != '-') {
            return INVALID;
        }
        int year = digits(t, start, 4);
        int month = digits(t, start + 5, 2);
        int day = digits(t, start + 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
            return INVALID;
        }
        long millis = daysFromCivil(year, month, day) * MILLIS_PER_DAY;
        int i = start + 10;
        if (i == end) {
            return millis;
        }
        char separator = t[i];
        if (separator != 'T' && separator != 't' && separator != ' ') {
            return INVALID;
        }
        i++;
        if (end - i < 5 || t[i + 2] != ':') {
            return INVALID;
        }
        int hour = digits(t, i, 2);
        int minute = digits(t, i + 3, 2);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            return INVALID;
        }
        i += 5;
        int second = 0;
        if (i < end && t[i] == ':') {
            if (end - i < 3) {
                return INVALID;
            }
            second = digits(t, i + 1, 2);
            if (second < 0 || second > 59) {
                return INVALID;
            }
            i += 3;
        }
        int fractionMillis = 0;
        if (i < end && (t[i] == '.' || t[i] == ',')) {
            i++;
            int fractionStart = i;
            int scale = 100;
            while (i < end && t[i] >= '0' && t[i] <= '9') {
                // Digits beyond the millisecond are dropped: candles open on whole milliseconds.
                fractionMillis += (t[i] - '0') * scale;
                scale /= 10;
                i++;
            }
            if (i == fractionStart) {
                return INVALID;
            }
        }
        millis += ((hour * 60L + minute) * 60L + second) * 1000L + fractionMillis;
        if (i == end) {
            return millis;
        }
        char zone = t[i];
        if ((zone == 'Z' || zone == 'z') && i + 1 == end) {
            return millis;
        }
        if (zone != '+' && zone != '-') {
            return INVALID;
        }
        if (end - i < 3) {
            return INVALID;
        }
        int offsetHours = digits(t, i + 1, 2);
        if (offsetHours < 0 || offsetHours > 18) {
            return INVALID;
        }
        int j = i + 3;
        int offsetMinutes = 0;
        if (j < end) {
            if (t[j] == ':') {
                j++;
            }
            if (end - j != 2) {
                return INVALID;
            }
            offsetMinutes = digits(t, j, 2);
            if (offsetMinutes < 0 || offsetMinutes > 59) {
                return INVALID;
            }
        }
        long offsetMillis = (offsetHours * 60L + offsetMinutes) * 60_000L;
        return zone == '+' ? millis - offsetMillis : millis + offsetMillis;
    }

    /**
     * Writes {@code epochMillis} as ISO-8601 UTC, e.g. {@code 2021-03-01T00:00:00Z}, with milliseconds
     * only when there are any, into {@code out} at {@code pos}.
     *
     * @return the position after the last character written
     */
    static int format(long epochMillis, char[] out, int pos) {
        long days = Math.floorDiv(epochMillis, MILLIS_PER_DAY);
        int millisOfDay = (int) Math.floorMod(epochMillis, MILLIS_PER_DAY);
        // Civil date from days since 1970-01-01 (proleptic Gregorian), in 400-year eras.
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long shiftedMonth = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * shiftedMonth + 2) / 5 + 1);
        int month = (int) (shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9);
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        if (year < 0 || year > 9999) {
            String text = Instant.ofEpochMilli(epochMillis).toString();
            text.getChars(0, text.length(), out, pos);
            return pos + text.length();
        }
        pos = put(out, pos, (int) year, 4);
        out[pos++] = '-';
        pos = put(out, pos, month, 2);
        out[pos++] = '-';
        pos = put(out, pos, day, 2);
        out[pos++] = 'T';
        pos = put(out, pos, millisOfDay / 3_600_000, 2);
        out[pos++] = ':';
        pos = put(out, pos, millisOfDay / 60_000 % 60, 2);
        out[pos++] = ':';
        pos = put(out, pos, millisOfDay / 1000 % 60, 2);
        int millis = millisOfDay % 1000;
        if (millis != 0) {
            out[pos++] = '.';
            pos = put(out, pos, millis, 3);
        }
        out[pos++] = 'Z';
        return pos;
    }

    static String format(long epochMillis) {
        char[] out = new char[MAX_LENGTH];
        return new String(out, 0, format(epochMillis, out, 0));
    }

    static long daysFromCivil(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    private static int daysInMonth(int year, int month) {
        if (month == 2 && (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))) {
            return 29;
        }
        return DAYS_IN_MONTH[month - 1];
    }

    /** The non-negative number in {@code count} digits at {@code pos}, or -1 if any is not a digit. */
    private static int digits(char[] text, int pos, int count) {
        int value = 0;
        for (int i = pos; i < pos + count; i++) {
            int digit = text[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static int put(char[] out, int pos, int value, int width) {
        for (int i = pos + width - 1; i >= pos; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return pos + width;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }
}
