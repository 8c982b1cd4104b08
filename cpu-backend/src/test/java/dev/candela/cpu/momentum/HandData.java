package dev.candela.cpu.momentum;

import dev.candela.core.data.OhlcvSeries;

/** Small hand-made series for tests whose expected values are worked out by hand. */
final class HandData {
    private static final long HOUR = 3_600_000L;

    private HandData() {
    }

    /** Hourly bars from the given columns, starting at the epoch. */
    static OhlcvSeries bars(double[] open, double[] high, double[] low, double[] close, double[] volume) {
        long[] times = new long[close.length];
        for (int i = 0; i < times.length; i++) {
            times[i] = i * HOUR;
        }
        return OhlcvSeries.of("HAND", null, times, open, high, low, close, volume);
    }

    /** Bars whose open, high, low and close all equal the given closes, with volume 1. */
    static OhlcvSeries closes(double[] close) {
        double[] volume = new double[close.length];
        java.util.Arrays.fill(volume, 1.0);
        return bars(close, close, close, close, volume);
    }

    /** Bars from high, low and close, with open equal to close and volume 1. */
    static OhlcvSeries hlc(double[] high, double[] low, double[] close) {
        double[] volume = new double[close.length];
        java.util.Arrays.fill(volume, 1.0);
        return bars(close, high, low, close, volume);
    }
}
