package dev.candela.cpu.overlap;

import dev.candela.spi.Indicator;
import dev.candela.spi.ParameterSpec;

import java.util.List;

/**
 * The moving-average family of the CPU backend: {@code sma}, {@code ema}, {@code wma}, {@code dema},
 * {@code tema}, {@code trima}, {@code kama}, {@code t3}, {@code bbands}, {@code macd}, {@code apo},
 * {@code ppo}, {@code trix}, {@code stddev}, {@code var}, {@code hma} and {@code zscore}. Ids, parameters,
 * defaults and lookbacks follow TA-Lib where it has the function.
 */
public final class OverlapIndicators {
    /** TA-Lib's upper bound on every period. */
    static final int MAX_PERIOD = 100_000;

    private static final List<Indicator> ALL = List.of(
            new SimpleMovingAverage(),
            new ExponentialMovingAverage(),
            new WeightedMovingAverage(),
            new DoubleExponentialMovingAverage(),
            new TripleExponentialMovingAverage(),
            new TriangularMovingAverage(),
            new KaufmanAdaptiveMovingAverage(),
            new TillsonT3(),
            new BollingerBands(),
            new MovingAverageConvergenceDivergence(),
            new AbsolutePriceOscillator(),
            new PercentagePriceOscillator(),
            new TripleExponentialRateOfChange(),
            new StandardDeviation(),
            new Variance(),
            new HullMovingAverage(),
            new RollingZScore());

    private OverlapIndicators() {
    }

    /** One instance of each indicator of this group; indicators are stateless and shareable. */
    public static List<Indicator> all() {
        return ALL;
    }

    /** An integer period parameter from {@code min} to {@link #MAX_PERIOD}. */
    static ParameterSpec period(String name, int defaultValue, int min, String description) {
        return ParameterSpec.ofInt(name, defaultValue, min, MAX_PERIOD, description);
    }
}
