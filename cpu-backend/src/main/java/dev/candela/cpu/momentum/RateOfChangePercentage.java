package dev.candela.cpu.momentum;

import dev.candela.cpu.kernel.LaggedChange;

/**
 * {@code rocp(period)}: rate of change as a fraction, {@code (close - close[i - period]) / close[i - period]},
 * as TA-Lib computes it (0 where the earlier close is 0). Lookback {@code period}.
 */
final class RateOfChangePercentage extends LaggedCloseChange {

    RateOfChangePercentage() {
        super("rocp", "Rate of change as a fraction: (close - close[-period]) / close[-period]", LaggedChange.Form.FRACTION);
    }
}
