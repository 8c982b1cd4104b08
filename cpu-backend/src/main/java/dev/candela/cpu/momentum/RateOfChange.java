package dev.candela.cpu.momentum;

import dev.candela.cpu.kernel.LaggedChange;

/**
 * {@code roc(period)}: rate of change in percent, {@code ((close / close[i - period]) - 1) * 100}, as
 * TA-Lib computes it (0 where the earlier close is 0). Lookback {@code period}.
 */
final class RateOfChange extends LaggedCloseChange {

    RateOfChange() {
        super("roc", "Rate of change in percent: ((close / close[-period]) - 1) * 100", LaggedChange.Form.PERCENT);
    }
}
