package dev.candela.cpu.window;

import dev.candela.spi.ParameterSpec;
import dev.candela.spi.Parameters;

/**
 * The fast stochastic oscillator ({@code stochf(5,3)}), TA-Lib's STOCHF with its default simple moving
 * average: {@code k} = fast %K over {@code fastk_period} bars (see {@link Stochastic}), {@code d} =
 * SMA({@code k}, {@code fastd_period}). Both outputs start at {@code fastk_period - 1 + fastd_period - 1}.
 */
final class FastStochastic extends StochasticOscillator {

    FastStochastic() {
        super("stochf", "Fast stochastic oscillator: raw %K and its SMA %D", fastkPeriod(),
                ParameterSpec.ofInt("fastd_period", 3, 1, WindowIndicators.MAX_PERIOD, "SMA period of %D"));
    }

    @Override
    int slowkPeriod(Parameters p) {
        return 0;
    }

    @Override
    int dPeriod(Parameters p) {
        return p.getInt(1);
    }
}
