package dev.candela.cpu.momentum;

import dev.candela.spi.IndicatorState;
import dev.candela.spi.Parameters;

/**
 * {@code minus_di(period)}: Wilder's -DI, {@code 100 * smoothed -DM / smoothed true range}, TA-Lib-exact for
 * periods of 2 and more; lookback {@code period}.
 *
 * <p>For a period of 1, TA-Lib 0.4.0 returns the ratio without the factor 100; here {@code minus_di(1)} is
 * in percent like every other period (the same formula with a one-bar window).
 */
final class MinusDirectionalIndicator extends DirectionalSystemIndicator {

    MinusDirectionalIndicator() {
        super("minus_di", "Minus Directional Indicator (-DI)", 1);
    }

    @Override
    public int lookback(Parameters p) {
        return p.getInt(0);
    }

    @Override
    void finish(int period, int len, Scratch scratch, double[] out) {
        System.arraycopy(scratch.minusDi, 0, out, 0, len);
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new TrackingState(p.getInt(0)) {
            @Override
            double valueOf(DirectionalMovementTracker t) {
                return t.minusDi();
            }
        };
    }
}
