package dev.candela.core.data;

import dev.candela.spi.BarBatch;
import dev.candela.spi.Column;
import dev.candela.spi.PriceField;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The candles of one symbol, stored by column: open times as epoch milliseconds (UTC) in a
 * {@code long[]}, and open, high, low, close and volume each in a {@code double[]}.
 *
 * <p>A series is immutable. {@link #column(PriceField)}, {@link #timestamps()} and {@link #slice(int, int)}
 * are views that share the arrays, so they cost nothing whatever the length. Open times are strictly
 * increasing. The timeframe may be unknown (for data whose bar size could not be told); the last candle
 * may be marked incomplete when its period had not ended when the data was taken, which consumers that
 * must not look ahead drop with {@link #completed()}.
 *
 * <p>As a {@link BarBatch} a series is a batch of one symbol in which every bar is present.
 */
public final class OhlcvSeries implements BarBatch {
    private final String symbol;
    private final Timeframe timeframe;
    private final long[] times;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final double[] volume;
    private final int offset;
    private final int size;
    private final boolean lastIncomplete;

    /** Wraps arrays without copying or checking; callers in this package guarantee the invariants. */
    OhlcvSeries(String symbol, Timeframe timeframe, long[] times, double[] open, double[] high, double[] low,
                double[] close, double[] volume, int offset, int size, boolean lastIncomplete) {
        this.symbol = symbol;
        this.timeframe = timeframe;
        this.times = times;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
        this.offset = offset;
        this.size = size;
        this.lastIncomplete = lastIncomplete && size > 0;
    }

    /**
     * A series holding copies of the given columns.
     *
     * @param timeframe the bar size, or {@code null} when unknown
     * @throws IllegalArgumentException if the columns differ in length or the times are not strictly increasing
     */
    public static OhlcvSeries of(String symbol, Timeframe timeframe, long[] timestamps, double[] open,
                                 double[] high, double[] low, double[] close, double[] volume) {
        Objects.requireNonNull(symbol, "symbol");
        int n = timestamps.length;
        if (open.length != n || high.length != n || low.length != n || close.length != n || volume.length != n) {
            throw new IllegalArgumentException("Columns differ in length: timestamps " + n + ", open " + open.length
                    + ", high " + high.length + ", low " + low.length + ", close " + close.length
                    + ", volume " + volume.length);
        }
        for (int i = 1; i < n; i++) {
            if (timestamps[i] <= timestamps[i - 1]) {
                throw new IllegalArgumentException("Timestamps must be strictly increasing, but bar " + i + " ("
                        + Instant.ofEpochMilli(timestamps[i]) + ") does not come after bar " + (i - 1) + " ("
                        + Instant.ofEpochMilli(timestamps[i - 1]) + ")");
            }
        }
        return new OhlcvSeries(symbol, timeframe, timestamps.clone(), open.clone(), high.clone(), low.clone(),
                close.clone(), volume.clone(), 0, n, false);
    }

    /** An appender that grows primitive arrays, for readers and generators that produce bars one by one. */
    public static Builder builder(String symbol) {
        return new Builder(symbol);
    }

    public String symbol() {
        return symbol;
    }

    /** The bar size, or empty when it is not known. */
    public Optional<Timeframe> timeframe() {
        return Optional.ofNullable(timeframe);
    }

    /** Whether the last candle's period had not ended when the data was taken; always false when empty. */
    public boolean isLastIncomplete() {
        return lastIncomplete;
    }

    /** Number of candles. */
    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Open time of candle {@code index}, epoch milliseconds UTC. */
    @Override
    public long timestamp(int index) {
        Objects.checkIndex(index, size);
        return times[offset + index];
    }

    /** The open times as a read-only view. */
    public LongColumn timestamps() {
        return LongColumn.of(times, offset, size);
    }

    /** One field as a read-only view of {@link #size()} values; nothing is copied. */
    public Column column(PriceField field) {
        return Column.of(array(field), offset, size);
    }

    /**
     * Index of the candle that opens at {@code timestamp}, or {@code -(insertionPoint) - 1} when there is
     * none, as {@link java.util.Arrays#binarySearch(long[], long)} answers.
     */
    public int indexOf(long timestamp) {
        return timestamps().binarySearch(timestamp);
    }

    /**
     * Candles {@code [from, to)} as a view sharing this series' arrays. The view keeps the incomplete
     * mark only if it ends at this series' last candle.
     */
    public OhlcvSeries slice(int from, int to) {
        Objects.checkFromToIndex(from, to, size);
        return new OhlcvSeries(symbol, timeframe, times, open, high, low, close, volume, offset + from, to - from,
                lastIncomplete && to == size);
    }

    /** This series without its last candle if that one is incomplete; otherwise this series. */
    public OhlcvSeries completed() {
        return lastIncomplete ? slice(0, size - 1) : this;
    }

    /** A view of the same candles under another symbol name. */
    public OhlcvSeries withSymbol(String newSymbol) {
        return new OhlcvSeries(Objects.requireNonNull(newSymbol, "symbol"), timeframe, times, open, high, low,
                close, volume, offset, size, lastIncomplete);
    }

    /** A view of the same candles with the bar size set ({@code null} for unknown). */
    public OhlcvSeries withTimeframe(Timeframe newTimeframe) {
        return new OhlcvSeries(symbol, newTimeframe, times, open, high, low, close, volume, offset, size,
                lastIncomplete);
    }

    /** A view of the same candles with the last one marked incomplete or not. */
    public OhlcvSeries withLastIncomplete(boolean incomplete) {
        return new OhlcvSeries(symbol, timeframe, times, open, high, low, close, volume, offset, size, incomplete);
    }

    // BarBatch: a batch of one symbol in which every bar is present.

    @Override
    public int symbolCount() {
        return 1;
    }

    @Override
    public int barCount() {
        return size;
    }

    @Override
    public String symbol(int symbolIndex) {
        Objects.checkIndex(symbolIndex, 1);
        return symbol;
    }

    @Override
    public Column column(PriceField field, int symbolIndex) {
        Objects.checkIndex(symbolIndex, 1);
        return column(field);
    }

    @Override
    public boolean hasBar(int symbolIndex, int bar) {
        Objects.checkIndex(symbolIndex, 1);
        Objects.checkIndex(bar, size);
        return true;
    }

    double[] array(PriceField field) {
        switch (field) {
            case OPEN:
                return open;
            case HIGH:
                return high;
            case LOW:
                return low;
            case CLOSE:
                return close;
            case VOLUME:
                return volume;
            default:
                throw new AssertionError(field);
        }
    }

    long[] timeArray() {
        return times;
    }

    int offset() {
        return offset;
    }

    /**
     * Equal when symbol, timeframe, incomplete mark and every value are equal; doubles compare as
     * {@link Double#compare} does, so {@code NaN} equals {@code NaN}.
     */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof OhlcvSeries)) {
            return false;
        }
        OhlcvSeries that = (OhlcvSeries) other;
        if (size != that.size || lastIncomplete != that.lastIncomplete || timeframe != that.timeframe
                || !symbol.equals(that.symbol)) {
            return false;
        }
        if (!Arrays.equals(times, offset, offset + size, that.times, that.offset, that.offset + size)) {
            return false;
        }
        for (PriceField field : PriceField.values()) {
            if (!Arrays.equals(array(field), offset, offset + size, that.array(field), that.offset,
                    that.offset + size)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = Objects.hash(symbol, timeframe, size, lastIncomplete);
        for (int i = offset; i < offset + size; i++) {
            hash = 31 * hash + Long.hashCode(times[i]);
            hash = 31 * hash + Double.hashCode(close[i]);
        }
        return hash;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("OhlcvSeries[").append(symbol).append(' ')
                .append(timeframe == null ? "unknown timeframe" : timeframe.label())
                .append(", ").append(size).append(size == 1 ? " bar" : " bars");
        if (size > 0) {
            text.append(", ").append(Instant.ofEpochMilli(times[offset])).append(" .. ")
                    .append(Instant.ofEpochMilli(times[offset + size - 1]));
        }
        if (lastIncomplete) {
            text.append(", last incomplete");
        }
        return text.append(']').toString();
    }

    /**
     * Grows primitive arrays as candles are appended and trims them once at {@link #build()}. Appending
     * allocates nothing except when the arrays grow. Not thread-safe.
     */
    public static final class Builder {
        private static final int DEFAULT_CAPACITY = 1024;

        private String symbol;
        private Timeframe timeframe;
        private boolean lastIncomplete;
        private long[] times;
        private double[] open;
        private double[] high;
        private double[] low;
        private double[] close;
        private double[] volume;
        private int size;

        private Builder(String symbol) {
            this.symbol = Objects.requireNonNull(symbol, "symbol");
            allocate(DEFAULT_CAPACITY);
        }

        public Builder symbol(String newSymbol) {
            this.symbol = Objects.requireNonNull(newSymbol, "symbol");
            return this;
        }

        /** The bar size; {@code null} (the default) means unknown. */
        public Builder timeframe(Timeframe newTimeframe) {
            this.timeframe = newTimeframe;
            return this;
        }

        /** Marks the last candle, whichever it will be, as incomplete. */
        public Builder lastIncomplete(boolean incomplete) {
            this.lastIncomplete = incomplete;
            return this;
        }

        /** Reserves room for {@code expected} candles in total, so that appending them never grows the arrays. */
        public Builder expectedSize(int expected) {
            if (expected < 0) {
                throw new IllegalArgumentException("expected size must not be negative: " + expected);
            }
            if (expected > times.length) {
                resize(expected);
            }
            return this;
        }

        /**
         * Appends one candle.
         *
         * @throws IllegalArgumentException if {@code timestamp} does not come after the last appended one
         */
        public Builder append(long timestamp, double o, double h, double l, double c, double v) {
            if (size > 0 && timestamp <= times[size - 1]) {
                throw new IllegalArgumentException("Timestamps must be strictly increasing, but "
                        + Instant.ofEpochMilli(timestamp) + " does not come after "
                        + Instant.ofEpochMilli(times[size - 1]));
            }
            if (size == times.length) {
                resize(grownCapacity(size));
            }
            times[size] = timestamp;
            open[size] = o;
            high[size] = h;
            low[size] = l;
            close[size] = c;
            volume[size] = v;
            size++;
            return this;
        }

        /** Number of candles appended so far. */
        public int size() {
            return size;
        }

        /** Open time of the last appended candle; fails when none was appended. */
        public long lastTimestamp() {
            if (size == 0) {
                throw new IllegalStateException("No candle appended yet");
            }
            return times[size - 1];
        }

        /**
         * The series of all appended candles. The builder hands its arrays over (trimmed one column at a
         * time, to keep the peak memory near one copy of the data) and starts empty again.
         */
        public OhlcvSeries build() {
            int n = size;
            long[] t = times.length == n ? times : Arrays.copyOf(times, n);
            times = null;
            double[] o = trim(open, n);
            open = null;
            double[] h = trim(high, n);
            high = null;
            double[] l = trim(low, n);
            low = null;
            double[] c = trim(close, n);
            close = null;
            double[] v = trim(volume, n);
            volume = null;
            OhlcvSeries series = new OhlcvSeries(symbol, timeframe, t, o, h, l, c, v, 0, n, lastIncomplete);
            size = 0;
            allocate(DEFAULT_CAPACITY);
            return series;
        }

        private static double[] trim(double[] column, int n) {
            return column.length == n ? column : Arrays.copyOf(column, n);
        }

        private static int grownCapacity(int current) {
            long grown = Math.max(DEFAULT_CAPACITY, (long) current + (current >> 1));
            int max = Integer.MAX_VALUE - 8;
            if (current >= max) {
                throw new IllegalStateException("Series cannot hold more than " + max + " candles");
            }
            return (int) Math.min(grown, max);
        }

        private void allocate(int capacity) {
            times = new long[capacity];
            open = new double[capacity];
            high = new double[capacity];
            low = new double[capacity];
            close = new double[capacity];
            volume = new double[capacity];
        }

        private void resize(int capacity) {
            times = Arrays.copyOf(times, capacity);
            open = Arrays.copyOf(open, capacity);
            high = Arrays.copyOf(high, capacity);
            low = Arrays.copyOf(low, capacity);
            close = Arrays.copyOf(close, capacity);
            volume = Arrays.copyOf(volume, capacity);
        }
    }
}
