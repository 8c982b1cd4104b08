package dev.candela.core.features;

import java.util.Objects;

/**
 * What a {@link FeatureMatrix} row is labelled with: the forward return of the base close over
 * {@code horizon} base rows, {@code close[t + horizon] / close[t] - 1}, and a class derived from it.
 *
 * <p>{@link Kind#SIGN} gives two classes: 0 when the return is not positive, 1 when it is.
 * {@link Kind#CLASS} gives three: 0 <em>down</em> below {@code -flatBand}, 1 <em>flat</em> within
 * {@code [-flatBand, flatBand]}, 2 <em>up</em> above {@code flatBand}.
 *
 * <p>Labels look ahead by nature: they are what a model learns to predict, never an input, and the
 * look-ahead audit leaves them out.
 *
 * @param horizon  base rows ahead, at least 1
 * @param kind     how the return becomes a class
 * @param flatBand half-width of the flat class as a fraction (0.002 = 0.2 %); 0 for {@link Kind#SIGN}
 */
public record LabelSpec(int horizon, Kind kind, double flatBand) {

    /** How a forward return becomes a class label. */
    public enum Kind {
        /** Two classes: 0 not up, 1 up. */
        SIGN,
        /** Three classes: 0 down, 1 flat, 2 up. */
        CLASS
    }

    public LabelSpec {
        if (horizon < 1) {
            throw new IllegalArgumentException("label horizon must be at least 1 bar, was " + horizon);
        }
        Objects.requireNonNull(kind, "kind");
        if (!Double.isFinite(flatBand) || flatBand < 0) {
            throw new IllegalArgumentException("flat band must be a finite number >= 0, was " + flatBand);
        }
        if (kind == Kind.SIGN && flatBand != 0) {
            throw new IllegalArgumentException("sign labels have no flat band; use three classes for one");
        }
    }

    /** Up (1) or not (0) over {@code horizon} base rows. */
    public static LabelSpec sign(int horizon) {
        return new LabelSpec(horizon, Kind.SIGN, 0);
    }

    /** Down (0), flat (1) or up (2) over {@code horizon} base rows, flat within {@code ±flatBand}. */
    public static LabelSpec classes(int horizon, double flatBand) {
        return new LabelSpec(horizon, Kind.CLASS, flatBand);
    }

    public int classCount() {
        return kind == Kind.SIGN ? 2 : 3;
    }

    /** The class of a forward return. */
    public int classify(double forwardReturn) {
        if (Double.isNaN(forwardReturn)) {
            throw new IllegalArgumentException("a missing forward return has no class");
        }
        if (kind == Kind.SIGN) {
            return forwardReturn > 0 ? 1 : 0;
        }
        if (forwardReturn < -flatBand) {
            return 0;
        }
        return forwardReturn > flatBand ? 2 : 1;
    }

    /** Column name of the forward return in exports: {@code fwd-return(12)}. */
    public String forwardReturnName() {
        return "fwd-return(" + horizon + ")";
    }

    /** Column name of the class in exports: {@code sign(12)} or {@code class(12)}. */
    public String classColumnName() {
        return (kind == Kind.SIGN ? "sign(" : "class(") + horizon + ")";
    }
}
