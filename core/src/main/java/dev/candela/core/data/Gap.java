package dev.candela.core.data;

import java.time.Instant;

/**
 * A run of missing candles: the last candle before the hole, the first candle after it (both open
 * times, epoch milliseconds UTC) and how many candles of the series' step fit in between.
 */
public record Gap(long lastBefore, long firstAfter, long missingBars) {

    public Gap {
        if (firstAfter <= lastBefore || missingBars < 1) {
            throw new IllegalArgumentException("Not a gap: " + lastBefore + " -> " + firstAfter + " (" + missingBars + ")");
        }
    }

    /** Open time of the first missing candle. */
    public long firstMissing(long stepMillis) {
        return lastBefore + stepMillis;
    }

    /** E.g. {@code 2018-06-26T01:00:00Z -> 2018-06-26T12:00:00Z (10 missing)}. */
    @Override
    public String toString() {
        return Instant.ofEpochMilli(lastBefore) + " -> " + Instant.ofEpochMilli(firstAfter) + " (" + missingBars
                + " missing)";
    }
}
