package dev.candela.spi;

import java.util.Locale;
import java.util.Objects;

/**
 * One typed parameter of an indicator: name, type, default and the closed range of valid values.
 *
 * @param name        short name, e.g. {@code period}
 * @param type        {@link Type#INT} or {@link Type#DOUBLE}
 * @param defaultValue value used when a spec leaves the parameter out
 * @param min         smallest valid value
 * @param max         largest valid value
 * @param description one line for {@code candela indicators --list}
 */
public record ParameterSpec(String name, Type type, double defaultValue, double min, double max, String description) {

    /** The kind of number a parameter holds. */
    public enum Type { INT, DOUBLE }

    public ParameterSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
        if (!(min <= max)) {
            throw new IllegalArgumentException("parameter " + name + ": min " + min + " > max " + max);
        }
        if (type == Type.INT && (defaultValue != Math.rint(defaultValue))) {
            throw new IllegalArgumentException("parameter " + name + ": integer default " + defaultValue);
        }
        if (defaultValue < min || defaultValue > max) {
            throw new IllegalArgumentException("parameter " + name + ": default " + defaultValue
                    + " outside [" + min + ", " + max + "]");
        }
    }

    /** An integer parameter, e.g. a period. */
    public static ParameterSpec ofInt(String name, int defaultValue, int min, int max, String description) {
        return new ParameterSpec(name, Type.INT, defaultValue, min, max, description);
    }

    /** A real-valued parameter, e.g. a band width in standard deviations. */
    public static ParameterSpec ofDouble(String name, double defaultValue, double min, double max, String description) {
        return new ParameterSpec(name, Type.DOUBLE, defaultValue, min, max, description);
    }

    /**
     * Checks a value for this parameter.
     *
     * @throws IllegalArgumentException naming the parameter, the value and the valid range
     */
    public void validate(double value) {
        if (Double.isNaN(value) || value < min || value > max) {
            throw new IllegalArgumentException("parameter '" + name + "' = " + format(value)
                    + " is outside [" + format(min) + ", " + format(max) + "]");
        }
        if (type == Type.INT && value != Math.rint(value)) {
            throw new IllegalArgumentException("parameter '" + name + "' = " + format(value) + " must be an integer");
        }
    }

    /** The canonical text of a value as it appears in spec strings: {@code 14}, {@code 2}, {@code 2.5}. */
    public static String format(double value) {
        if (value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value).toLowerCase(Locale.ROOT);
    }
}
