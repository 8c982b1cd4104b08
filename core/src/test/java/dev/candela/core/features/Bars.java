package dev.candela.core.features;

import dev.candela.core.data.OhlcvSeries;
import dev.candela.core.data.Timeframe;

import java.time.Instant;

/** Small hand-made series for the features tests. */
final class Bars {
    static final long T0 = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli(); // a Monday

    private Bars() {
    }

    /** Hourly bars at the given hour offsets from {@link #T0}; close = the given value, open = close - 0.5. */
    static OhlcvSeries hourly(String symbol, int[] hours, double[] closes) {
        return at(symbol, Timeframe.H1, hours, closes);
    }

    /** Bars of {@code timeframe} at the given step offsets from {@link #T0}. */
    static OhlcvSeries at(String symbol, Timeframe timeframe, int[] steps, double[] closes) {
        long[] t = new long[steps.length];
        double[] o = new double[steps.length];
        double[] h = new double[steps.length];
        double[] l = new double[steps.length];
        double[] v = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            t[i] = T0 + steps[i] * timeframe.millis();
            o[i] = closes[i] - 0.5;
            h[i] = closes[i] + 1;
            l[i] = closes[i] - 1;
            v[i] = 10 + i;
        }
        return OhlcvSeries.of(symbol, timeframe, t, o, h, l, closes, v);
    }

    /** Consecutive hourly bars from {@link #T0} with closes 1, 2, 3, ... */
    static OhlcvSeries countingHours(int n) {
        int[] hours = new int[n];
        double[] closes = new double[n];
        for (int i = 0; i < n; i++) {
            hours[i] = i;
            closes[i] = i + 1;
        }
        return hourly("COUNT", hours, closes);
    }

    static long hour(int offset) {
        return T0 + offset * 3_600_000L;
    }
}
