package dev.candela.cpu.momentum;

import dev.candela.cpu.kernel.DirectionalMovement;
import dev.candela.spi.IndicatorState;
import dev.candela.spi.Parameters;

/**
 * {@code adx(period)}: Wilder's Average Directional Index, TA-Lib-exact; lookback {@code 2 * period - 1}.
 * Seeded with the mean DX of bars {@code period..2*period-1}, then smoothed with Wilder's average; bars whose
 * DX is undefined (+DI + -DI zero) leave it unchanged.
 */
final class AverageDirectionalIndex extends DirectionalSystemIndicator {

    AverageDirectionalIndex() {
        super("adx", "Average Directional Index (ADX)", 2);
    }

    @Override
    public int lookback(Parameters p) {
        return 2 * p.getInt(0) - 1;
    }

    @Override
    void finish(int period, int len, Scratch scratch, double[] out) {
        DirectionalMovement.averageIndex(scratch.plusDi, 0, scratch.minusDi, 0, out, 0, len, period);
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new TrackingState(p.getInt(0)) {
            @Override
            double valueOf(DirectionalMovementTracker t) {
                return t.adx();
            }
        };
    }
}
