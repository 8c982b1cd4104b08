package dev.candela.core.features;

import dev.candela.core.data.LongColumn;
import dev.candela.core.data.OhlcvSeries;
import dev.candela.core.data.Timeframe;
import dev.candela.spi.Column;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The features of one symbol on its base rows, as {@link FeaturePipeline} computes them: every
 * indicator output of every timeframe merged onto the base index without look-ahead, plus the weighted
 * multi-timeframe columns. Rows are the base candles (the incomplete last one left out); values a row
 * cannot know yet, in warm-up or before the first higher candle closes, are {@code NaN}.
 *
 * <p>Columns are named {@code <timeframe>:<indicator column>}, the base timeframe included:
 * {@code 1h:rsi(14)}, {@code 4h:macd(12,26,9).hist}; a weighted column is {@code mtf:<indicator column>}.
 * Columns are read-only views that may be shared with the {@link dev.candela.core.features.cache.FeatureCache}.
 * Immutable.
 */
public final class FeatureFrame implements FeatureColumns {
    private final OhlcvSeries base;
    private final Timeframe baseTimeframe;
    private final List<String> names;
    private final List<Column> columns;
    private final Map<String, Integer> byName;

    FeatureFrame(OhlcvSeries base, Timeframe baseTimeframe, List<String> names, List<Column> columns) {
        this.base = Objects.requireNonNull(base, "base");
        this.baseTimeframe = Objects.requireNonNull(baseTimeframe, "baseTimeframe");
        this.names = List.copyOf(names);
        this.columns = List.copyOf(columns);
        if (this.names.size() != this.columns.size()) {
            throw new IllegalArgumentException(this.names.size() + " names for " + this.columns.size() + " columns");
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < this.names.size(); i++) {
            if (index.put(this.names.get(i), i) != null) {
                throw new IllegalArgumentException("feature column '" + this.names.get(i) + "' appears twice");
            }
            if (this.columns.get(i).length() != base.size()) {
                throw new IllegalArgumentException("feature column '" + this.names.get(i) + "' has "
                        + this.columns.get(i).length() + " rows for " + base.size() + " base bars");
            }
        }
        this.byName = index;
    }

    /** The base candles the rows belong to (complete candles only). */
    public OhlcvSeries base() {
        return base;
    }

    public String symbol() {
        return base.symbol();
    }

    public Timeframe baseTimeframe() {
        return baseTimeframe;
    }

    @Override
    public int rowCount() {
        return base.size();
    }

    @Override
    public long timestamp(int row) {
        return base.timestamp(row);
    }

    /** The open times of the base rows. */
    public LongColumn timestamps() {
        return base.timestamps();
    }

    @Override
    public List<String> featureNames() {
        return names;
    }

    @Override
    public Column feature(int index) {
        return columns.get(index);
    }

    @Override
    public int featureIndex(String name) {
        Integer index = byName.get(Objects.requireNonNull(name, "name"));
        if (index == null) {
            throw new IllegalArgumentException("no feature column '" + name + "'; there are " + names);
        }
        return index;
    }

    /** Number of leading rows in which some feature is not yet a finite number: the warm-up. */
    public int warmUpRows() {
        int rows = rowCount();
        int first = 0;
        for (Column column : columns) {
            double[] a = column.array();
            int off = column.offset();
            while (first < rows && !Double.isFinite(a[off + first])) {
                first++;
            }
        }
        // A column can turn non-finite again after another column's warm-up; settle on a row where all agree.
        while (first < rows && !allFinite(first)) {
            first++;
        }
        return first;
    }

    private boolean allFinite(int row) {
        for (Column column : columns) {
            if (!Double.isFinite(column.array()[column.offset() + row])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("FeatureFrame[").append(symbol()).append(' ').append(baseTimeframe)
                .append(", ").append(rowCount()).append(" rows x ").append(names.size()).append(" features");
        if (rowCount() > 0) {
            text.append(", ").append(Instant.ofEpochMilli(timestamp(0))).append(" .. ")
                    .append(Instant.ofEpochMilli(timestamp(rowCount() - 1)));
        }
        return text.append(']').toString();
    }
}
