package dev.candela.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The missing candles of a series: every place where two neighbouring candles are further apart than
 * one step.
 *
 * <p>The step is the series' timeframe when known, otherwise the most common distance between
 * neighbouring candles, which the occasional outage cannot outvote. A gap counts the candles of that
 * step that would fit strictly between its two neighbours.
 */
public final class GapReport {
    private final long stepMillis;
    private final List<Gap> gaps;
    private final long missingBars;

    private GapReport(long stepMillis, List<Gap> gaps) {
        this.stepMillis = stepMillis;
        this.gaps = Collections.unmodifiableList(gaps);
        long missing = 0;
        for (Gap gap : gaps) {
            missing += gap.missingBars();
        }
        this.missingBars = missing;
    }

    /** The gaps of {@code series}, using its timeframe or, when unknown, its most common step. */
    public static GapReport of(OhlcvSeries series) {
        LongColumn times = series.timestamps();
        long step = series.timeframe().map(Timeframe::millis).orElseGet(() -> mostCommonStep(times));
        return of(times, step);
    }

    /**
     * The gaps of sorted open times on a grid of {@code stepMillis}; a step of 0 (unknown) finds none.
     */
    public static GapReport of(LongColumn timestamps, long stepMillis) {
        if (stepMillis < 0) {
            throw new IllegalArgumentException("step must not be negative: " + stepMillis);
        }
        List<Gap> found = new ArrayList<>();
        if (stepMillis > 0) {
            long[] t = timestamps.array();
            int end = timestamps.offset() + timestamps.length();
            for (int i = timestamps.offset() + 1; i < end; i++) {
                long distance = t[i] - t[i - 1];
                if (distance > stepMillis) {
                    // Grid slots strictly between the two candles, on the grid of the earlier one.
                    found.add(new Gap(t[i - 1], t[i], (distance - 1) / stepMillis));
                }
            }
        }
        return new GapReport(stepMillis, found);
    }

    /** The most common positive distance between neighbouring times, or 0 when there are fewer than two. */
    static long mostCommonStep(LongColumn timestamps) {
        int n = timestamps.length();
        if (n < 2) {
            return 0;
        }
        long[] steps = new long[n - 1];
        long[] t = timestamps.array();
        int base = timestamps.offset();
        for (int i = 1; i < n; i++) {
            steps[i - 1] = t[base + i] - t[base + i - 1];
        }
        Arrays.sort(steps);
        long best = 0;
        int bestRun = 0;
        int i = 0;
        while (i < steps.length) {
            int j = i;
            while (j < steps.length && steps[j] == steps[i]) {
                j++;
            }
            // Ties go to the smaller step, which sorting puts first.
            if (steps[i] > 0 && j - i > bestRun) {
                best = steps[i];
                bestRun = j - i;
            }
            i = j;
        }
        return best;
    }

    /** The step in milliseconds the gaps were measured with; 0 when it could not be told. */
    public long stepMillis() {
        return stepMillis;
    }

    /** The timeframe whose length is the step, if there is one. */
    public Optional<Timeframe> timeframe() {
        return Timeframe.ofMillis(stepMillis);
    }

    /** The gaps in time order. */
    public List<Gap> gaps() {
        return gaps;
    }

    /** Number of gaps. */
    public int count() {
        return gaps.size();
    }

    /** Total number of missing candles over all gaps. */
    public long missingBars() {
        return missingBars;
    }

    public boolean isEmpty() {
        return gaps.isEmpty();
    }

    @Override
    public String toString() {
        return "GapReport[" + gaps.size() + " gaps, " + missingBars + " missing bars of " + stepMillis + " ms]";
    }
}
