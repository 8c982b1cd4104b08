package dev.candela.cpu.momentum;

import dev.candela.cpu.kernel.LaggedChange;

/**
 * {@code mom(period)}: momentum, {@code close - close[i - period]}. Lookback {@code period}.
 */
final class Momentum extends LaggedCloseChange {

    Momentum() {
        super("mom", "Momentum: close - close[-period]", LaggedChange.Form.DIFFERENCE);
    }
}
