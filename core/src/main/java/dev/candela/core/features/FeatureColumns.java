package dev.candela.core.features;

import dev.candela.core.data.LongColumn;
import dev.candela.spi.Column;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Named feature columns on a time index: what {@link FeatureFrame} and {@link FeatureMatrix} have in
 * common, and what {@link LookaheadAudit} checks. Row {@code r} belongs to the base bar that opens at
 * {@link #timestamp(int) timestamp(r)} and holds what is known at that bar's close.
 */
public interface FeatureColumns {

    int rowCount();

    /** Open time of row {@code row}'s base bar, epoch milliseconds UTC. */
    long timestamp(int row);

    /** Column names, e.g. {@code 4h:rsi(14)}, in column order. */
    List<String> featureNames();

    /** Column {@code index}, {@link #rowCount()} values, read-only. */
    Column feature(int index);

    /**
     * Index of the column called {@code name}.
     *
     * @throws IllegalArgumentException naming the columns there are
     */
    default int featureIndex(String name) {
        int index = featureNames().indexOf(Objects.requireNonNull(name, "name"));
        if (index < 0) {
            throw new IllegalArgumentException("no feature column '" + name + "'; there are " + featureNames());
        }
        return index;
    }

    /** The column called {@code name}. */
    default Column feature(String name) {
        return feature(featureIndex(name));
    }

    /**
     * Columns over a time index, e.g. features computed by hand for {@link LookaheadAudit}.
     *
     * @throws IllegalArgumentException when names and columns differ in number, a name repeats, or a
     *                                  column's length differs from the time index's
     */
    static FeatureColumns of(LongColumn timestamps, List<String> names, List<Column> columns) {
        Objects.requireNonNull(timestamps, "timestamps");
        List<String> n = List.copyOf(names);
        List<Column> c = List.copyOf(columns);
        if (n.size() != c.size()) {
            throw new IllegalArgumentException(n.size() + " names for " + c.size() + " columns");
        }
        if (new HashSet<>(n).size() != n.size()) {
            throw new IllegalArgumentException("column names repeat: " + n);
        }
        for (int i = 0; i < c.size(); i++) {
            if (c.get(i).length() != timestamps.length()) {
                throw new IllegalArgumentException("column " + n.get(i) + " has " + c.get(i).length() + " values for "
                        + timestamps.length() + " timestamps");
            }
        }
        return new FeatureColumns() {
            @Override
            public int rowCount() {
                return timestamps.length();
            }

            @Override
            public long timestamp(int row) {
                return timestamps.get(row);
            }

            @Override
            public List<String> featureNames() {
                return n;
            }

            @Override
            public Column feature(int index) {
                return c.get(index);
            }

            @Override
            public String toString() {
                return "FeatureColumns[" + timestamps.length() + " rows x " + n + "]";
            }
        };
    }
}
