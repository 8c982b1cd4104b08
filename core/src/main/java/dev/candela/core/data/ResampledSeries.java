package dev.candela.core.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * The result of {@link Resampler#resample(OhlcvSeries)}: the larger candles, and for each how many base
 * candles went into it.
 *
 * <p>A candle is <em>full</em> when it holds every base candle of its period. Candles at the edges of the
 * data and around gaps hold fewer; whether such candles are usable is the caller's decision.
 */
public final class ResampledSeries {
    private final OhlcvSeries series;
    private final Timeframe base;
    private final int[] baseBarCounts;

    ResampledSeries(OhlcvSeries series, Timeframe base, int[] baseBarCounts) {
        this.series = series;
        this.base = base;
        this.baseBarCounts = baseBarCounts;
    }

    /** The resampled candles, in the target timeframe. */
    public OhlcvSeries series() {
        return series;
    }

    /** The timeframe of the series that was resampled. */
    public Timeframe baseTimeframe() {
        return base;
    }

    /** Base candles a full candle holds, e.g. 60 for {@code 1m} to {@code 1h}. */
    public int barsPerCandle() {
        return (int) (series.timeframe().orElseThrow().millis() / base.millis());
    }

    /** Number of base candles in resampled candle {@code candle}. */
    public int baseBarCount(int candle) {
        Objects.checkIndex(candle, series.size());
        return baseBarCounts[candle];
    }

    /** A copy of the base-candle count of every resampled candle. */
    public int[] baseBarCounts() {
        return baseBarCounts.clone();
    }

    /** Whether candle {@code candle} holds every base candle of its period. */
    public boolean isFull(int candle) {
        return baseBarCount(candle) == barsPerCandle();
    }

    /** Number of full candles. */
    public int fullCount() {
        int full = 0;
        int perCandle = barsPerCandle();
        for (int count : baseBarCounts) {
            if (count == perCandle) {
                full++;
            }
        }
        return full;
    }

    @Override
    public String toString() {
        return "ResampledSeries[" + series + " from " + base + ", " + fullCount() + " full]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResampledSeries
                && series.equals(((ResampledSeries) other).series)
                && base == ((ResampledSeries) other).base
                && Arrays.equals(baseBarCounts, ((ResampledSeries) other).baseBarCounts);
    }

    @Override
    public int hashCode() {
        return 31 * series.hashCode() + Arrays.hashCode(baseBarCounts);
    }
}
