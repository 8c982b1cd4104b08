package dev.candela.examples.internal;

/** A class in an internal package, for the architecture test's negative case. */
public final class HiddenDetail {
    public static int value() {
        return 42;
    }
}
