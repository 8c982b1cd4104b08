package dev.candela.cpu.window;

/** The typical price {@code (high + low + close) / 3}, summed in this order as TA-Lib does. */
final class TypicalPrice {
    private TypicalPrice() {
    }

    static double of(double high, double low, double close) {
        return (high + low + close) / 3;
    }
}
