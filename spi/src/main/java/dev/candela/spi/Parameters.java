package dev.candela.spi;

import java.util.Arrays;
import java.util.List;

/**
 * The validated parameter values of one indicator instance, in the order of
 * {@link Indicator#parameters()}.
 */
public final class Parameters {
    private static final Parameters NONE = new Parameters(List.of(), new double[0]);

    private final List<ParameterSpec> specs;
    private final double[] values;

    private Parameters(List<ParameterSpec> specs, double[] values) {
        this.specs = specs;
        this.values = values;
    }

    /** The empty parameter set of an indicator that takes none. */
    public static Parameters none() {
        return NONE;
    }

    /**
     * Binds values to specs: missing trailing values take their defaults, every value is validated.
     *
     * @throws IllegalArgumentException on too many values or an invalid one
     */
    public static Parameters of(List<ParameterSpec> specs, double... given) {
        if (given.length > specs.size()) {
            throw new IllegalArgumentException("expected at most " + specs.size() + " parameters, got " + given.length);
        }
        double[] values = new double[specs.size()];
        for (int i = 0; i < values.length; i++) {
            ParameterSpec spec = specs.get(i);
            double v = i < given.length ? given[i] : spec.defaultValue();
            spec.validate(v);
            values[i] = v;
        }
        return new Parameters(List.copyOf(specs), values);
    }

    /** Default values for every spec. */
    public static Parameters defaults(List<ParameterSpec> specs) {
        return of(specs);
    }

    public int size() {
        return values.length;
    }

    public List<ParameterSpec> specs() {
        return specs;
    }

    /** Value at position {@code index} as a double. */
    public double get(int index) {
        return values[index];
    }

    /** Value at position {@code index} as an int; only for {@link ParameterSpec.Type#INT} parameters. */
    public int getInt(int index) {
        return (int) values[index];
    }

    /** Value of the parameter called {@code name}. */
    public double get(String name) {
        return values[indexOf(name)];
    }

    /** Integer value of the parameter called {@code name}. */
    public int getInt(String name) {
        return (int) values[indexOf(name)];
    }

    private int indexOf(String name) {
        for (int i = 0; i < specs.size(); i++) {
            if (specs.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no parameter '" + name + "'");
    }

    /** A copy of the values. */
    public double[] toArray() {
        return values.clone();
    }

    /** The argument list of a spec string, {@code 12,26,9}; empty without parameters. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(ParameterSpec.format(values[i]));
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parameters p && Arrays.equals(values, p.values) && specs.equals(p.specs);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "(" + format() + ")";
    }
}
