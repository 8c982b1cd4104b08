package dev.candela.cpu.momentum;

import dev.candela.spi.Indicator;

import java.util.List;

/**
 * The momentum and volatility indicators of the CPU backend: {@code rsi}, {@code cmo}, {@code stochrsi},
 * {@code mfi}, {@code roc}, {@code rocp}, {@code mom}, {@code atr}, {@code natr}, {@code trange},
 * {@code adx}, {@code adxr}, {@code dx}, {@code plus_di}, {@code minus_di}, {@code ultosc}, {@code bop},
 * {@code supertrend} and {@code keltner}. Ids, parameters, defaults and lookbacks follow TA-Lib where it
 * has the function.
 */
public final class MomentumIndicators {
    /** TA-Lib's upper bound on every period. */
    static final int MAX_PERIOD = 100_000;

    private static final List<Indicator> ALL = List.of(
            new RelativeStrengthIndex(),
            new ChandeMomentumOscillator(),
            new StochasticRsi(),
            new MoneyFlowIndex(),
            new RateOfChange(),
            new RateOfChangePercentage(),
            new Momentum(),
            new AverageTrueRange(),
            new NormalizedAverageTrueRange(),
            new TrueRangeIndicator(),
            new AverageDirectionalIndex(),
            new AverageDirectionalIndexRating(),
            new DirectionalMovementIndex(),
            new PlusDirectionalIndicator(),
            new MinusDirectionalIndicator(),
            new UltimateOscillator(),
            new BalanceOfPower(),
            new Supertrend(),
            new KeltnerChannels());

    private MomentumIndicators() {
    }

    /** One instance of each indicator of this group; indicators are stateless and shareable. */
    public static List<Indicator> all() {
        return ALL;
    }
}
