package dev.candela.cpu.window;

import dev.candela.spi.ParameterSpec;
import dev.candela.spi.Parameters;

/**
 * The slow stochastic oscillator ({@code stoch(5,3,3)}), TA-Lib's STOCH with its default simple moving
 * averages: fast %K = {@code (close - LL) / ((HH - LL) / 100)} over {@code fastk_period} bars (0 when
 * HH equals LL), {@code k} = SMA(fast %K, {@code slowk_period}) (TA-Lib's slowK), {@code d} =
 * SMA({@code k}, {@code slowd_period}) (slowD). Both outputs start at the full lookback
 * {@code fastk_period - 1 + slowk_period - 1 + slowd_period - 1}, as in TA-Lib.
 */
final class Stochastic extends StochasticOscillator {

    Stochastic() {
        super("stoch", "Slow stochastic oscillator: SMA-smoothed %K and its SMA %D", fastkPeriod(),
                ParameterSpec.ofInt("slowk_period", 3, 1, WindowIndicators.MAX_PERIOD, "SMA period of %K"),
                ParameterSpec.ofInt("slowd_period", 3, 1, WindowIndicators.MAX_PERIOD, "SMA period of %D"));
    }

    @Override
    int slowkPeriod(Parameters p) {
        return p.getInt(1);
    }

    @Override
    int dPeriod(Parameters p) {
        return p.getInt(2);
    }
}
