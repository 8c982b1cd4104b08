package dev.candela.visualization.density;

import dev.candela.core.data.OhlcvSeries;
import dev.candela.spi.Column;
import dev.candela.spi.PriceField;

import java.util.Objects;

/**
 * Reduces candles for display by merging runs of consecutive bars into one candle each: the first
 * bar's time and open, the highest high, the lowest low, the last bar's close, the summed volume.
 *
 * <p>Unlike point sampling this keeps every extreme exactly: the highest high and the lowest low of
 * the series are the highest high and lowest low of the result. Runs have equal length (the last one
 * may be shorter), so the merged candles are evenly spaced like the source.
 */
public final class CandleAggregation {

    private CandleAggregation() {
    }

    /**
     * Merges the bars of {@code series} into at most {@code maxCandles} candles; returns the candles
     * unchanged (as arrays) when there are no more than {@code maxCandles}.
     */
    public static Candles aggregate(OhlcvSeries series, int maxCandles) {
        Objects.requireNonNull(series, "series");
        if (maxCandles < 1) {
            throw new IllegalArgumentException("maxCandles must be at least 1, got " + maxCandles);
        }
        int n = series.size();
        int run = Math.max(1, (n + maxCandles - 1) / maxCandles);
        int count = (n + run - 1) / run;
        long[] time = new long[count];
        double[] open = new double[count];
        double[] high = new double[count];
        double[] low = new double[count];
        double[] close = new double[count];
        double[] volume = new double[count];
        Column o = series.column(PriceField.OPEN);
        Column h = series.column(PriceField.HIGH);
        Column l = series.column(PriceField.LOW);
        Column c = series.column(PriceField.CLOSE);
        Column v = series.column(PriceField.VOLUME);
        for (int k = 0; k < count; k++) {
            int first = k * run;
            int last = Math.min(n, first + run) - 1;
            time[k] = series.timestamp(first);
            open[k] = o.get(first);
            close[k] = c.get(last);
            double hi = Double.NEGATIVE_INFINITY;
            double lo = Double.POSITIVE_INFINITY;
            double vol = 0;
            for (int i = first; i <= last; i++) {
                hi = Math.max(hi, h.get(i));
                lo = Math.min(lo, l.get(i));
                vol += v.get(i);
            }
            high[k] = hi;
            low[k] = lo;
            volume[k] = vol;
        }
        return new Candles(time, open, high, low, close, volume, run);
    }

    /**
     * Merged candles, one entry per candle in each array.
     *
     * @param barsPerCandle how many source bars each candle merges (1 when nothing was merged)
     */
    public record Candles(long[] time, double[] open, double[] high, double[] low, double[] close, double[] volume,
                          int barsPerCandle) {

        public Candles {
            int n = time.length;
            if (open.length != n || high.length != n || low.length != n || close.length != n || volume.length != n) {
                throw new IllegalArgumentException("candle arrays differ in length");
            }
        }

        /** Number of candles. */
        public int size() {
            return time.length;
        }

        @Override
        public String toString() {
            return "Candles[" + size() + " candles, " + barsPerCandle + " bars each]";
        }
    }
}
