package dev.candela.cpu.overlap;

/**
 * {@code apo(fast, slow)}: the absolute price oscillator {@code SMA(fast) - SMA(slow)} of the close,
 * TA-Lib-exact with its default SMA.
 */
final class AbsolutePriceOscillator extends PriceOscillator {

    AbsolutePriceOscillator() {
        super("apo", "Absolute Price Oscillator");
    }

    @Override
    double combine(double fast, double slow) {
        return fast - slow;
    }
}
