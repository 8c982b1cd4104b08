package dev.candela.cpu.overlap;

import dev.candela.cpu.kernel.TaLibZero;

/**
 * {@code ppo(fast, slow)}: the percentage price oscillator {@code (SMA(fast) - SMA(slow)) / SMA(slow) * 100}
 * of the close, TA-Lib-exact with its default SMA; 0 where the slow average is zero within 1e-8.
 */
final class PercentagePriceOscillator extends PriceOscillator {

    PercentagePriceOscillator() {
        super("ppo", "Percentage Price Oscillator");
    }

    @Override
    double combine(double fast, double slow) {
        return TaLibZero.isZero(slow) ? 0.0 : ((fast - slow) / slow) * 100.0;
    }
}
