package dev.candela.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A parsed indicator spec string such as {@code rsi(14)}, {@code macd(12,26,9)} or {@code obv}: an id and
 * the raw argument values, before they are bound to an indicator's parameters.
 *
 * @param id        indicator id in lower case
 * @param arguments the values given in parentheses; may be fewer than the indicator's parameters
 */
public record IndicatorSpec(String id, List<Double> arguments) {

    public IndicatorSpec {
        Objects.requireNonNull(id, "id");
        arguments = List.copyOf(arguments);
    }

    /**
     * Parses one spec.
     *
     * @throws IllegalArgumentException with the position of the problem
     */
    public static IndicatorSpec parse(String text) {
        String s = text.strip();
        int open = s.indexOf('(');
        String id;
        List<Double> args = new ArrayList<>();
        if (open < 0) {
            id = s;
        } else {
            if (!s.endsWith(")")) {
                throw new IllegalArgumentException("indicator spec '" + text + "': missing ')'");
            }
            id = s.substring(0, open).strip();
            String inner = s.substring(open + 1, s.length() - 1).strip();
            if (!inner.isEmpty()) {
                for (String part : inner.split(",", -1)) {
                    String p = part.strip();
                    try {
                        args.add(Double.parseDouble(p));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("indicator spec '" + text + "': '" + p + "' is not a number", e);
                    }
                }
            }
        }
        if (id.isEmpty() || !id.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')) {
            throw new IllegalArgumentException("indicator spec '" + text + "': bad id '" + id + "'");
        }
        return new IndicatorSpec(id.toLowerCase(Locale.ROOT), args);
    }

    /**
     * Parses a comma-separated list of specs, where commas inside parentheses belong to a spec:
     * {@code "rsi(14),macd(12,26,9),obv"}.
     */
    public static List<IndicatorSpec> parseList(String text) {
        List<IndicatorSpec> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth < 0) {
                    throw new IllegalArgumentException("indicator list '" + text + "': unbalanced ')' at " + (i + 1));
                }
            } else if (c == ',' && depth == 0) {
                addIfPresent(out, text.substring(start, i));
                start = i + 1;
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("indicator list '" + text + "': unbalanced '('");
        }
        addIfPresent(out, text.substring(start));
        return out;
    }

    private static void addIfPresent(List<IndicatorSpec> out, String part) {
        if (!part.isBlank()) {
            out.add(parse(part));
        }
    }

    /** The argument values as a primitive array. */
    public double[] argumentArray() {
        double[] a = new double[arguments.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = arguments.get(i);
        }
        return a;
    }

    @Override
    public String toString() {
        if (arguments.isEmpty()) {
            return id;
        }
        StringBuilder sb = new StringBuilder(id).append('(');
        for (int i = 0; i < arguments.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(ParameterSpec.format(arguments.get(i)));
        }
        return sb.append(')').toString();
    }
}
