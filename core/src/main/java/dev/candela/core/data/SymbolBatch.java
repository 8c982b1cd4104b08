package dev.candela.core.data;

import dev.candela.spi.BarBatch;
import dev.candela.spi.Column;
import dev.candela.spi.PriceField;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Many symbols on one time index: the union of their candles' open times, sorted. Where a symbol has no
 * candle at a time its prices and volume are {@code NaN} and {@link #hasBar(int, int)} is false.
 *
 * <p>Each field is one {@code double[]} laid out symbol after symbol, so that a symbol's column is a
 * contiguous run a kernel (or a device copy) reads in one go, and a {@link #symbolSlice(int, int) range
 * of symbols} is one contiguous block too. Slices are views; nothing is copied after {@link #align(List)}.
 * A batch is immutable.
 */
public final class SymbolBatch implements BarBatch {
    private static final PriceField[] FIELDS = PriceField.values();

    private final String[] symbols;
    private final Timeframe[] timeframes;
    private final boolean[] lastIncomplete;
    /** Index on the full time index of each symbol's last candle, -1 for a symbol without candles. */
    private final int[] lastBar;
    private final long[] times;
    private final double[][] values;
    private final boolean[] present;
    /** Candles of each symbol on the whole time index: {@code stride} means no holes anywhere. */
    private final int[] rowPresent;
    private final int stride;
    private final int symbolOffset;
    private final int symbolCount;
    private final int barOffset;
    private final int barCount;

    private SymbolBatch(String[] symbols, Timeframe[] timeframes, boolean[] lastIncomplete, int[] lastBar,
                        long[] times, double[][] values, boolean[] present, int[] rowPresent, int stride,
                        int symbolOffset, int symbolCount, int barOffset, int barCount) {
        this.symbols = symbols;
        this.timeframes = timeframes;
        this.lastIncomplete = lastIncomplete;
        this.lastBar = lastBar;
        this.times = times;
        this.values = values;
        this.present = present;
        this.rowPresent = rowPresent;
        this.stride = stride;
        this.symbolOffset = symbolOffset;
        this.symbolCount = symbolCount;
        this.barOffset = barOffset;
        this.barCount = barCount;
    }

    /**
     * Aligns series on the union of their open times, in the given symbol order.
     *
     * @throws IllegalArgumentException if two series share a symbol name, or the batch would not fit in arrays
     */
    public static SymbolBatch align(List<OhlcvSeries> series) {
        int count = series.size();
        String[] symbols = new String[count];
        Timeframe[] timeframes = new Timeframe[count];
        boolean[] incomplete = new boolean[count];
        Set<String> seen = new HashSet<>();
        for (int s = 0; s < count; s++) {
            OhlcvSeries one = Objects.requireNonNull(series.get(s), "series");
            if (!seen.add(one.symbol())) {
                throw new IllegalArgumentException("Symbol " + one.symbol() + " appears more than once");
            }
            symbols[s] = one.symbol();
            timeframes[s] = one.timeframe().orElse(null);
            incomplete[s] = one.isLastIncomplete();
        }
        long[] union = unionOfTimes(series);
        int stride = union.length;
        long cells = (long) count * stride;
        if (cells > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("A batch of " + count + " symbols by " + stride
                    + " bars exceeds the largest array; split the symbols into several batches");
        }
        double[][] values = new double[FIELDS.length][(int) cells];
        for (double[] field : values) {
            Arrays.fill(field, Double.NaN);
        }
        boolean[] present = new boolean[(int) cells];
        int[] lastBar = new int[count];
        int[] rowPresent = new int[count];
        for (int s = 0; s < count; s++) {
            OhlcvSeries one = series.get(s);
            rowPresent[s] = one.size();
            double[][] source = new double[FIELDS.length][];
            for (int f = 0; f < FIELDS.length; f++) {
                source[f] = one.array(FIELDS[f]);
            }
            long[] t = one.timeArray();
            int from = one.offset();
            int base = s * stride;
            int j = 0;
            lastBar[s] = -1;
            for (int i = from; i < from + one.size(); i++) {
                while (union[j] < t[i]) {
                    j++;
                }
                present[base + j] = true;
                for (int f = 0; f < FIELDS.length; f++) {
                    values[f][base + j] = source[f][i];
                }
                lastBar[s] = j;
            }
        }
        return new SymbolBatch(symbols, timeframes, incomplete, lastBar, union, values, present, rowPresent, stride,
                0, count, 0, stride);
    }

    /** The sorted union of the series' open times, merged pairwise so that many symbols cost O(n log k). */
    private static long[] unionOfTimes(List<OhlcvSeries> series) {
        if (series.isEmpty()) {
            return new long[0];
        }
        long[][] runs = new long[series.size()][];
        for (int s = 0; s < runs.length; s++) {
            runs[s] = series.get(s).timestamps().toArray();
        }
        int remaining = runs.length;
        while (remaining > 1) {
            int merged = 0;
            for (int i = 0; i < remaining; i += 2) {
                runs[merged++] = i + 1 < remaining ? mergeUnion(runs[i], runs[i + 1]) : runs[i];
            }
            remaining = merged;
        }
        return runs[0];
    }

    private static long[] mergeUnion(long[] a, long[] b) {
        if (Arrays.equals(a, b)) {
            return a; // the common case: symbols of one venue share the time grid
        }
        long[] out = new long[a.length + b.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length && j < b.length) {
            long x = a[i];
            long y = b[j];
            if (x < y) {
                out[n++] = x;
                i++;
            } else if (y < x) {
                out[n++] = y;
                j++;
            } else {
                out[n++] = x;
                i++;
                j++;
            }
        }
        while (i < a.length) {
            out[n++] = a[i++];
        }
        while (j < b.length) {
            out[n++] = b[j++];
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    @Override
    public int symbolCount() {
        return symbolCount;
    }

    @Override
    public int barCount() {
        return barCount;
    }

    @Override
    public String symbol(int symbol) {
        Objects.checkIndex(symbol, symbolCount);
        return symbols[symbolOffset + symbol];
    }

    /** The symbol names in batch order. */
    public List<String> symbols() {
        return List.of(Arrays.copyOfRange(symbols, symbolOffset, symbolOffset + symbolCount));
    }

    /** Index of {@code symbol} in this batch, or -1 if it is not here. */
    public int indexOf(String symbol) {
        for (int s = 0; s < symbolCount; s++) {
            if (symbols[symbolOffset + s].equals(symbol)) {
                return s;
            }
        }
        return -1;
    }

    @Override
    public long timestamp(int bar) {
        Objects.checkIndex(bar, barCount);
        return times[barOffset + bar];
    }

    /** The shared time index as a read-only view. */
    public LongColumn timestamps() {
        return LongColumn.of(times, barOffset, barCount);
    }

    /** The timeframe all symbols share, or empty when it is unknown for any of them or they differ. */
    public Optional<Timeframe> timeframe() {
        Timeframe common = null;
        for (int s = symbolOffset; s < symbolOffset + symbolCount; s++) {
            if (timeframes[s] == null || (common != null && common != timeframes[s])) {
                return Optional.empty();
            }
            common = timeframes[s];
        }
        return Optional.ofNullable(common);
    }

    /** One field of one symbol, {@link #barCount()} values with {@code NaN} at holes; nothing is copied. */
    @Override
    public Column column(PriceField field, int symbol) {
        Objects.checkIndex(symbol, symbolCount);
        return Column.of(values[field.ordinal()], (symbolOffset + symbol) * stride + barOffset, barCount);
    }

    @Override
    public boolean hasBar(int symbol, int bar) {
        Objects.checkIndex(symbol, symbolCount);
        Objects.checkIndex(bar, barCount);
        return present[(symbolOffset + symbol) * stride + barOffset + bar];
    }

    /** Number of real candles {@code symbol} has in this batch; O(1) for a symbol without holes. */
    public int barsPresent(int symbol) {
        Objects.checkIndex(symbol, symbolCount);
        if (rowPresent[symbolOffset + symbol] == stride) {
            return barCount;
        }
        int start = (symbolOffset + symbol) * stride + barOffset;
        int count = 0;
        for (int i = start; i < start + barCount; i++) {
            if (present[i]) {
                count++;
            }
        }
        return count;
    }

    /** Whether {@code symbol}'s last candle is in this batch and is incomplete. */
    public boolean isLastIncomplete(int symbol) {
        Objects.checkIndex(symbol, symbolCount);
        int s = symbolOffset + symbol;
        return lastIncomplete[s] && lastBar[s] >= barOffset && lastBar[s] < barOffset + barCount;
    }

    /** Symbols {@code [from, to)} as a view over the same arrays, e.g. to hand each worker its share. */
    public SymbolBatch symbolSlice(int from, int to) {
        Objects.checkFromToIndex(from, to, symbolCount);
        return new SymbolBatch(symbols, timeframes, lastIncomplete, lastBar, times, values, present, rowPresent, stride,
                symbolOffset + from, to - from, barOffset, barCount);
    }

    /** Bars {@code [from, to)} of every symbol as a view over the same arrays. */
    public SymbolBatch slice(int from, int to) {
        Objects.checkFromToIndex(from, to, barCount);
        return new SymbolBatch(symbols, timeframes, lastIncomplete, lastBar, times, values, present, rowPresent, stride,
                symbolOffset, symbolCount, barOffset + from, to - from);
    }

    /** The candles of one symbol in this batch, without the holes; a copy. */
    public OhlcvSeries series(int symbol) {
        int n = barsPresent(symbol);
        int start = (symbolOffset + symbol) * stride + barOffset;
        long[] t = new long[n];
        double[][] columns = new double[FIELDS.length][n];
        int k = 0;
        for (int bar = 0; bar < barCount; bar++) {
            if (present[start + bar]) {
                t[k] = times[barOffset + bar];
                for (int f = 0; f < FIELDS.length; f++) {
                    columns[f][k] = values[f][start + bar];
                }
                k++;
            }
        }
        int s = symbolOffset + symbol;
        return new OhlcvSeries(symbols[s], timeframes[s], t, columns[PriceField.OPEN.ordinal()],
                columns[PriceField.HIGH.ordinal()], columns[PriceField.LOW.ordinal()],
                columns[PriceField.CLOSE.ordinal()], columns[PriceField.VOLUME.ordinal()], 0, n,
                isLastIncomplete(symbol));
    }

    /** The candles of the named symbol, without the holes; a copy. */
    public OhlcvSeries series(String symbol) {
        int index = indexOf(symbol);
        if (index < 0) {
            throw new IllegalArgumentException("No symbol " + symbol + " in this batch; it holds " + symbols());
        }
        return series(index);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("SymbolBatch[").append(symbolCount).append(" symbols, ")
                .append(barCount).append(" bars");
        if (barCount > 0) {
            text.append(", ").append(Instant.ofEpochMilli(times[barOffset])).append(" .. ")
                    .append(Instant.ofEpochMilli(times[barOffset + barCount - 1]));
        }
        return text.append(']').toString();
    }
}
