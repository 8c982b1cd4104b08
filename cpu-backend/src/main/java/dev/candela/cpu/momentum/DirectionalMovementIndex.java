package dev.candela.cpu.momentum;

import dev.candela.cpu.kernel.DirectionalMovement;
import dev.candela.spi.IndicatorState;
import dev.candela.spi.Parameters;

/**
 * {@code dx(period)}: Wilder's Directional Movement Index, {@code 100 * |+DI - -DI| / (+DI + -DI)},
 * TA-Lib-exact; lookback {@code period}. Where +DI + -DI is zero the previous value repeats (0 at the first
 * bar).
 */
final class DirectionalMovementIndex extends DirectionalSystemIndicator {

    DirectionalMovementIndex() {
        super("dx", "Directional Movement Index (DX)", 2);
    }

    @Override
    public int lookback(Parameters p) {
        return p.getInt(0);
    }

    @Override
    void finish(int period, int len, Scratch scratch, double[] out) {
        DirectionalMovement.index(scratch.plusDi, 0, scratch.minusDi, 0, out, 0, len, period);
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new TrackingState(p.getInt(0)) {
            @Override
            double valueOf(DirectionalMovementTracker t) {
                return t.dx();
            }
        };
    }
}
