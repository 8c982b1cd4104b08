package dev.candela.core.csv;

/**
 * Reads decimal numbers from a character buffer and writes doubles as plain decimals, both without
 * allocating in the common case.
 *
 * <p>Reading is exact: a number of up to 15 significant digits with a decimal exponent within ±22 is
 * converted with one correctly rounded multiplication or division of two exactly representable doubles
 * (every price and volume an exchange publishes takes this path); anything longer goes to
 * {@link Double#parseDouble}. Either way the result is the double nearest to the decimal, bit for bit
 * what {@code Double.parseDouble} returns.
 *
 * <p>An instance keeps the outcome of the last {@link #parse} in {@link #status()}; it is not thread-safe.
 */
final class DecimalText {
    static final int OK = 0;
    static final int EMPTY = 1;
    static final int MALFORMED = 2;
    static final int NOT_FINITE = 3;

    private static final int MAX_FAST_DIGITS = 15;
    private static final int MAX_FAST_EXPONENT = 22;
    private static final int MAX_MANTISSA_DIGITS = 19;
    private static final double[] POWERS_OF_TEN = new double[MAX_FAST_EXPONENT + 1];
    /** Double.toString switches to exponent form outside [1e-3, 1e7); plain output is kept up to here. */
    private static final int MIN_PLAIN_EXPONENT = -10;
    private static final int MAX_PLAIN_EXPONENT = 20;

    static {
        double power = 1;
        for (int i = 0; i <= MAX_FAST_EXPONENT; i++) {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private int status;

    /** Outcome of the last {@link #parse}: {@link #OK}, {@link #EMPTY}, {@link #MALFORMED} or {@link #NOT_FINITE}. */
    int status() {
        return status;
    }

    /**
     * The number in {@code text[start, end)}, surrounding blanks ignored; {@code NaN} unless
     * {@link #status()} is {@link #OK}. Accepts an optional sign, digits with an optional decimal point,
     * and an optional exponent ({@code 1.5e-3}); words such as {@code NaN} or {@code Infinity} and values
     * too large for a double report {@link #NOT_FINITE}.
     */
    double parse(char[] text, int start, int end) {
        while (start < end && (text[start] == ' ' || text[start] == '\t')) {
            start++;
        }
        while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\t')) {
            end--;
        }
        if (start == end) {
            status = EMPTY;
            return Double.NaN;
        }
        int i = start;
        boolean negative = false;
        if (text[i] == '-' || text[i] == '+') {
            negative = text[i] == '-';
            i++;
        }
        long mantissa = 0;
        int significant = 0;
        boolean truncated = false;
        boolean anyDigit = false;
        int exponent = 0;
        char c;
        while (i < end && (c = text[i]) >= '0' && c <= '9') {
            anyDigit = true;
            if (significant < MAX_MANTISSA_DIGITS) {
                if (significant > 0 || c != '0') {
                    mantissa = mantissa * 10 + (c - '0');
                    significant++;
                }
            } else {
                exponent++;
                truncated = true;
            }
            i++;
        }
        if (i < end && text[i] == '.') {
            i++;
            while (i < end && (c = text[i]) >= '0' && c <= '9') {
                anyDigit = true;
                if (significant < MAX_MANTISSA_DIGITS) {
                    if (significant > 0 || c != '0') {
                        mantissa = mantissa * 10 + (c - '0');
                        significant++;
                    }
                    exponent--;
                } else {
                    truncated = true;
                }
                i++;
            }
        }
        if (!anyDigit) {
            status = isNonFiniteWord(text, i, end) ? NOT_FINITE : MALFORMED;
            return Double.NaN;
        }
        if (i < end && (text[i] == 'e' || text[i] == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < end && (text[i] == '-' || text[i] == '+')) {
                negativeExponent = text[i] == '-';
                i++;
            }
            int exponentStart = i;
            int explicit = 0;
            while (i < end && (c = text[i]) >= '0' && c <= '9') {
                // Capped: anything this large over- or underflows a double anyway.
                explicit = Math.min(explicit * 10 + (c - '0'), 100_000);
                i++;
            }
            if (i == exponentStart) {
                status = MALFORMED;
                return Double.NaN;
            }
            exponent += negativeExponent ? -explicit : explicit;
        }
        if (i != end) {
            status = MALFORMED;
            return Double.NaN;
        }
        status = OK;
        if (mantissa == 0) {
            return negative ? -0.0 : 0.0;
        }
        double value;
        if (!truncated && significant <= MAX_FAST_DIGITS && exponent >= -MAX_FAST_EXPONENT
                && exponent <= MAX_FAST_EXPONENT) {
            value = exponent < 0 ? mantissa / POWERS_OF_TEN[-exponent] : mantissa * POWERS_OF_TEN[exponent];
            return negative ? -value : value;
        }
        value = Double.parseDouble(new String(text, start, end - start));
        if (Double.isInfinite(value)) {
            status = NOT_FINITE;
            return Double.NaN;
        }
        return value;
    }

    private static boolean isNonFiniteWord(char[] text, int from, int end) {
        return matchesIgnoreCase(text, from, end, "nan") || matchesIgnoreCase(text, from, end, "inf")
                || matchesIgnoreCase(text, from, end, "infinity");
    }

    private static boolean matchesIgnoreCase(char[] text, int from, int end, String word) {
        if (end - from != word.length()) {
            return false;
        }
        for (int i = 0; i < word.length(); i++) {
            if (Character.toLowerCase(text[from + i]) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Appends {@code value} with the digits {@link Double#toString(double)} chooses (the shortest that
     * read back to the same double) but without exponent notation for exponents from -10 to 20:
     * {@code 2.3097485495E10} becomes {@code 23097485495.0} and {@code 1.0E-4} becomes {@code 0.0001}.
     * {@code NaN} appends nothing, so that it becomes an empty CSV field.
     */
    static void appendPlain(StringBuilder out, double value) {
        if (Double.isNaN(value)) {
            return;
        }
        int mark = out.length();
        out.append(value);
        int e = -1;
        for (int i = mark; i < out.length(); i++) {
            if (out.charAt(i) == 'E') {
                e = i;
                break;
            }
        }
        if (e < 0) {
            return;
        }
        int exponent = Integer.parseInt(out, e + 1, out.length(), 10);
        if (exponent < MIN_PLAIN_EXPONENT || exponent > MAX_PLAIN_EXPONENT) {
            return;
        }
        // Double.toString's exponent form is [-]d.ddd...E[-]n; collect the digits d ddd... in place.
        boolean negative = out.charAt(mark) == '-';
        int digitsStart = negative ? mark + 1 : mark;
        int digitsEnd = digitsStart + 1;
        for (int i = digitsStart + 2; i < e; i++) {
            out.setCharAt(digitsEnd++, out.charAt(i));
        }
        while (digitsEnd > digitsStart + 1 && out.charAt(digitsEnd - 1) == '0') {
            digitsEnd--;
        }
        int digitCount = digitsEnd - digitsStart;
        int pointAt = exponent + 1; // digits before the decimal point
        out.setLength(digitsEnd);
        if (pointAt <= 0) {
            out.insert(digitsStart, "0.");
            for (int k = 0; k < -pointAt; k++) {
                out.insert(digitsStart + 2, '0');
            }
        } else if (pointAt >= digitCount) {
            for (int k = digitCount; k < pointAt; k++) {
                out.append('0');
            }
            out.append(".0");
        } else {
            out.insert(digitsStart + pointAt, '.');
        }
    }
}
