package dev.candela.core.data;

import dev.candela.spi.PriceField;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Aggregates candles to a larger timeframe on UTC boundaries (weeks on Monday 00:00 UTC): open is the
 * first open, high the highest high, low the lowest low, close the last close and volume the sum.
 *
 * <p>Volumes are summed as decimals, so that a candle built from an exchange's one-minute candles equals
 * the exchange's own hourly candle exactly rather than to the last bit or two. A candle whose period
 * had not ended by the close of the last base candle (or whose last base candle was itself incomplete)
 * is marked incomplete; {@link ResampledSeries} tells how many base candles each candle holds, which
 * shows the partial candles at the start of the data and around gaps.
 *
 * <p>A resampler is immutable and thread-safe.
 */
public final class Resampler {
    private final Timeframe target;

    private Resampler(Timeframe target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    /** A resampler to {@code target}. */
    public static Resampler to(Timeframe target) {
        return new Resampler(target);
    }

    public Timeframe target() {
        return target;
    }

    /**
     * Resamples one series. Its timeframe is the series' own or, when unknown, the one its most common
     * step shows.
     *
     * @throws IllegalArgumentException if the base timeframe cannot be told, is larger than the target,
     *                                  or does not divide it evenly
     */
    public ResampledSeries resample(OhlcvSeries series) {
        Timeframe base = baseTimeframe(series);
        checkResamplable(base);

        int n = series.size();
        long[] times = series.timeArray();
        double[] open = series.array(PriceField.OPEN);
        double[] high = series.array(PriceField.HIGH);
        double[] low = series.array(PriceField.LOW);
        double[] close = series.array(PriceField.CLOSE);
        double[] volume = series.array(PriceField.VOLUME);
        int from = series.offset();
        int end = from + n;

        int capacity = n == 0 ? 0 : (int) Math.min(n,
                (target.floor(times[end - 1]) - target.floor(times[from])) / target.millis() + 1);
        long[] outTimes = new long[capacity];
        double[] outOpen = new double[capacity];
        double[] outHigh = new double[capacity];
        double[] outLow = new double[capacity];
        double[] outClose = new double[capacity];
        double[] outVolume = new double[capacity];
        int[] counts = new int[capacity];

        int candles = 0;
        int i = from;
        while (i < end) {
            long candleOpen = target.floor(times[i]);
            long candleEnd = candleOpen + target.millis();
            int first = i;
            double h = high[i];
            double l = low[i];
            i++;
            while (i < end && times[i] < candleEnd) {
                // Written out rather than Math.max/min so that a NaN in the data stays visible.
                if (!(high[i] <= h)) {
                    h = high[i];
                }
                if (!(low[i] >= l)) {
                    l = low[i];
                }
                i++;
            }
            outTimes[candles] = candleOpen;
            outOpen[candles] = open[first];
            outHigh[candles] = h;
            outLow[candles] = l;
            outClose[candles] = close[i - 1];
            outVolume[candles] = DecimalSum.sum(volume, first, i);
            counts[candles] = i - first;
            candles++;
        }

        boolean lastIncomplete = candles > 0
                && (series.isLastIncomplete()
                || outTimes[candles - 1] + target.millis() > times[end - 1] + base.millis());
        OhlcvSeries resampled = new OhlcvSeries(series.symbol(), target,
                trim(outTimes, candles), trim(outOpen, candles), trim(outHigh, candles), trim(outLow, candles),
                trim(outClose, candles), trim(outVolume, candles), 0, candles, lastIncomplete);
        return new ResampledSeries(resampled, base, candles == capacity ? counts : Arrays.copyOf(counts, candles));
    }

    /**
     * Resamples every symbol of a batch and aligns the results again; holes stay holes.
     *
     * @throws IllegalArgumentException as {@link #resample(OhlcvSeries)} does, for any symbol
     */
    public SymbolBatch resample(SymbolBatch batch) {
        List<OhlcvSeries> resampled = new ArrayList<>(batch.symbolCount());
        for (int s = 0; s < batch.symbolCount(); s++) {
            resampled.add(resample(batch.series(s)).series());
        }
        return SymbolBatch.align(resampled);
    }

    private static Timeframe baseTimeframe(OhlcvSeries series) {
        return series.timeframe().or(() -> Timeframe.detect(series.timestamps())).orElseThrow(() ->
                new IllegalArgumentException("Cannot resample " + series.symbol() + ": its timeframe is unknown"
                        + " and its most common step between candles ("
                        + describeStep(GapReport.mostCommonStep(series.timestamps()))
                        + ") is not one of " + Timeframe.validLabels() + "; set the timeframe explicitly"));
    }

    private void checkResamplable(Timeframe base) {
        if (target.millis() < base.millis()) {
            throw new IllegalArgumentException("Cannot resample " + base + " candles to " + target + ": " + target
                    + " is smaller than " + base + ", and resampling only aggregates to larger timeframes");
        }
        if (!target.isMultipleOf(base)) {
            throw new IllegalArgumentException("Cannot resample " + base + " candles to " + target + ": " + target
                    + " is not a whole multiple of " + base);
        }
    }

    private static String describeStep(long stepMillis) {
        return stepMillis == 0 ? "none, fewer than two candles" : stepMillis + " ms";
    }

    private static long[] trim(long[] values, int n) {
        return values.length == n ? values : Arrays.copyOf(values, n);
    }

    private static double[] trim(double[] values, int n) {
        return values.length == n ? values : Arrays.copyOf(values, n);
    }

    @Override
    public String toString() {
        return "Resampler[to " + target + "]";
    }
}
