package dev.candela.core.features;

import dev.candela.core.csv.CsvTableWriter;
import dev.candela.core.data.LongColumn;
import dev.candela.spi.Column;
import dev.candela.spi.FeatureTable;
import dev.candela.spi.PriceField;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A feature matrix for training, made from a {@link FeatureFrame}: chosen feature columns, past returns
 * of the base close, lagged copies, optional normalisation, and labels from the forward return.
 *
 * <pre>{@code
 * FeatureMatrix matrix = FeatureMatrix.builder()
 *         .lags(1, 2, 3)                          // 1h:rsi(14)@lag1 ... @lag3
 *         .returns(1, 24)                         // 1h:return(1), 1h:return(24)
 *         .label(LabelSpec.classes(12, 0.002))    // down / flat / up over 12 bars
 *         .normalize(Normalization.ZSCORE, 0.7)   // statistics of the first 70 % of rows only
 *         .build(frame);
 * matrix.writeCsv(Path.of("features.csv"));
 * }</pre>
 *
 * <p>Rows are base rows. Rows whose features are not all finite numbers are dropped and counted: the
 * leading ones as warm-up, later ones as incomplete; with labels, the last {@code horizon} rows, whose
 * forward return lies beyond the data, are dropped and counted too. Lags and returns count base rows,
 * so across a gap in the data they reach further back in time. Normalisation statistics come only from
 * the rows they are fitted on ({@link NormalizationStats}).
 *
 * <p>Column views are read-only; a matrix is immutable. Core knows nothing of ND4J: the training module
 * turns a matrix ({@link FeatureTable}) into its datasets.
 */
public final class FeatureMatrix implements FeatureTable, FeatureColumns {
    private final String symbol;
    private final long[] timestamps;
    private final int[] baseRows;
    private final List<String> names;
    private final double[][] features;
    private final LabelSpec label;
    private final double[] forwardReturns;
    private final int[] classes;
    private final NormalizationStats normalization;
    private final int offset;
    private final int rows;
    private final int warmUpRowsDropped;
    private final int incompleteRowsDropped;
    private final int unlabeledRowsDropped;

    private FeatureMatrix(String symbol, long[] timestamps, int[] baseRows, List<String> names, double[][] features,
                          LabelSpec label, double[] forwardReturns, int[] classes, NormalizationStats normalization,
                          int offset, int rows, int warmUpRowsDropped, int incompleteRowsDropped,
                          int unlabeledRowsDropped) {
        this.symbol = symbol;
        this.timestamps = timestamps;
        this.baseRows = baseRows;
        this.names = names;
        this.features = features;
        this.label = label;
        this.forwardReturns = forwardReturns;
        this.classes = classes;
        this.normalization = normalization;
        this.offset = offset;
        this.rows = rows;
        this.warmUpRowsDropped = warmUpRowsDropped;
        this.incompleteRowsDropped = incompleteRowsDropped;
        this.unlabeledRowsDropped = unlabeledRowsDropped;
    }

    /** A builder with every frame column, no lags, no returns, no labels and no normalisation. */
    public static Builder builder() {
        return new Builder();
    }

    public String symbol() {
        return symbol;
    }

    @Override
    public int rowCount() {
        return rows;
    }

    @Override
    public List<String> featureNames() {
        return names;
    }

    @Override
    public long timestamp(int row) {
        return timestamps[offset + Objects.checkIndex(row, rows)];
    }

    /** The open times of the rows' base bars. */
    public LongColumn timestamps() {
        return LongColumn.of(timestamps, offset, rows);
    }

    /** Index of row {@code row}'s base bar in the frame the matrix was built from. */
    public int baseRow(int row) {
        return baseRows[offset + Objects.checkIndex(row, rows)];
    }

    @Override
    public Column feature(int index) {
        return Column.of(features[Objects.checkIndex(index, features.length)], offset, rows);
    }

    /** Whether the matrix has labels; the label methods of {@link FeatureTable} fail without them. */
    public boolean hasLabels() {
        return label != null;
    }

    public Optional<LabelSpec> label() {
        return Optional.ofNullable(label);
    }

    @Override
    public int classCount() {
        return requireLabels().classCount();
    }

    @Override
    public int classLabel(int row) {
        requireLabels();
        return classes[offset + Objects.checkIndex(row, rows)];
    }

    @Override
    public Column forwardReturns() {
        requireLabels();
        return Column.of(forwardReturns, offset, rows);
    }

    @Override
    public int horizon() {
        return requireLabels().horizon();
    }

    private LabelSpec requireLabels() {
        if (label == null) {
            throw new IllegalStateException("this feature matrix has no labels; build it with a LabelSpec");
        }
        return label;
    }

    /** The statistics the features were normalised with, if they were. */
    public Optional<NormalizationStats> normalization() {
        return Optional.ofNullable(normalization);
    }

    /** Leading base rows dropped because some feature was not yet known. */
    public int warmUpRowsDropped() {
        return warmUpRowsDropped;
    }

    /** Base rows after the warm-up dropped because some feature was not a finite number. */
    public int incompleteRowsDropped() {
        return incompleteRowsDropped;
    }

    /** Trailing base rows dropped because their forward return lies beyond the data. */
    public int unlabeledRowsDropped() {
        return unlabeledRowsDropped;
    }

    /** Rows {@code [from, to)} as a view sharing this matrix's arrays, e.g. a training or test split. */
    public FeatureMatrix rows(int from, int to) {
        Objects.checkFromToIndex(from, to, rows);
        return new FeatureMatrix(symbol, timestamps, baseRows, names, features, label, forwardReturns, classes,
                normalization, offset + from, to - from, warmUpRowsDropped, incompleteRowsDropped,
                unlabeledRowsDropped);
    }

    /**
     * This matrix with every feature normalised by statistics fitted on rows {@code [fitFrom, fitTo)} only.
     * Labels and forward returns are left as they are.
     */
    public FeatureMatrix normalized(Normalization kind, int fitFrom, int fitTo) {
        return normalizedWith(NormalizationStats.fit(kind, this, fitFrom, fitTo));
    }

    /**
     * This matrix with every feature normalised by statistics fitted elsewhere, e.g. on the training rows.
     *
     * @throws IllegalArgumentException when the statistics belong to other columns
     */
    public FeatureMatrix normalizedWith(NormalizationStats stats) {
        if (!stats.featureNames().equals(names)) {
            throw new IllegalArgumentException("the normalisation was fitted on columns " + stats.featureNames()
                    + ", not on " + names);
        }
        double[][] scaled = new double[features.length][rows];
        for (int c = 0; c < features.length; c++) {
            double center = stats.center(c);
            double scale = stats.scale(c);
            double[] from = features[c];
            double[] to = scaled[c];
            for (int r = 0; r < rows; r++) {
                to[r] = (from[offset + r] - center) / scale;
            }
        }
        return new FeatureMatrix(symbol, Arrays.copyOfRange(timestamps, offset, offset + rows),
                Arrays.copyOfRange(baseRows, offset, offset + rows), names, scaled, label,
                forwardReturns == null ? null : Arrays.copyOfRange(forwardReturns, offset, offset + rows),
                classes == null ? null : Arrays.copyOfRange(classes, offset, offset + rows), stats, 0, rows,
                warmUpRowsDropped, incompleteRowsDropped, unlabeledRowsDropped);
    }

    /**
     * Writes the matrix as CSV, atomically: {@code timestamp}, the features, then with labels the forward
     * return ({@code fwd-return(12)}) and the class ({@code class(12)} or {@code sign(12)}). Missing
     * values are empty fields.
     */
    public void writeCsv(Path target) throws IOException {
        List<String> header = new ArrayList<>(names);
        List<Column> columns = new ArrayList<>(features.length + 2);
        for (int c = 0; c < features.length; c++) {
            columns.add(feature(c));
        }
        if (label != null) {
            header.add(label.forwardReturnName());
            columns.add(forwardReturns());
            header.add(label.classColumnName());
            double[] asDoubles = new double[rows];
            for (int r = 0; r < rows; r++) {
                asDoubles[r] = classes[offset + r];
            }
            columns.add(Column.of(asDoubles));
        }
        CsvTableWriter.write(target, timestamps(), header, columns);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("FeatureMatrix[").append(symbol).append(", ").append(rows)
                .append(" rows x ").append(names.size()).append(" features");
        if (rows > 0) {
            text.append(", ").append(Instant.ofEpochMilli(timestamp(0))).append(" .. ")
                    .append(Instant.ofEpochMilli(timestamp(rows - 1)));
        }
        if (label != null) {
            text.append(", labels ").append(label.classColumnName());
        }
        return text.append(']').toString();
    }

    /**
     * What a {@link FeatureMatrix} is made of. A builder is a reusable recipe: {@link #build(FeatureFrame)}
     * may be called for many frames.
     */
    public static final class Builder {
        private List<String> columns;
        private int[] lags = new int[0];
        private int[] returns = new int[0];
        private LabelSpec label;
        private Normalization normalization;
        private double fitFraction;
        private boolean keepIncompleteRows;

        private Builder() {
        }

        private Builder copy() {
            Builder b = new Builder();
            b.columns = columns;
            b.lags = lags;
            b.returns = returns;
            b.label = label;
            b.normalization = normalization;
            b.fitFraction = fitFraction;
            b.keepIncompleteRows = keepIncompleteRows;
            return b;
        }

        /** The frame columns to use, in this order; default: all of them. */
        public Builder columns(String... names) {
            return columns(List.of(names));
        }

        /** The frame columns to use, in this order. */
        public Builder columns(List<String> names) {
            List<String> chosen = List.copyOf(names);
            if (new HashSet<>(chosen).size() != chosen.size()) {
                throw new IllegalArgumentException("columns repeat: " + chosen);
            }
            this.columns = chosen;
            return this;
        }

        /** Lagged copies of every column: lag {@code k} is the value {@code k} base rows earlier, {@code @lagk}. */
        public Builder lags(int... values) {
            this.lags = positiveDistinct("lag", values);
            return this;
        }

        /** Past returns of the base close over {@code n} base rows, {@code close[t] / close[t - n] - 1}. */
        public Builder returns(int... periods) {
            this.returns = positiveDistinct("return period", periods);
            return this;
        }

        /** Labels every row; rows without a forward return are dropped. */
        public Builder label(LabelSpec spec) {
            this.label = Objects.requireNonNull(spec, "spec");
            return this;
        }

        /**
         * Normalises every feature with statistics fitted on the first {@code fitFraction} of the rows only
         * (the training rows), applied to all rows.
         */
        public Builder normalize(Normalization kind, double fitFraction) {
            if (!(fitFraction > 0 && fitFraction <= 1)) {
                throw new IllegalArgumentException("the fitted share of rows must be in (0, 1], was " + fitFraction);
            }
            this.normalization = Objects.requireNonNull(kind, "kind");
            this.fitFraction = fitFraction;
            return this;
        }

        /**
         * Keeps rows whose features are not all finite (warm-up included), with {@code NaN} in them; rows
         * without a forward return are still dropped when there are labels.
         */
        public Builder keepIncompleteRows() {
            this.keepIncompleteRows = true;
            return this;
        }

        /** This recipe without what the look-ahead audit must not see: labels, normalisation, row dropping. */
        Builder forAudit() {
            Builder b = copy();
            b.label = null;
            b.normalization = null;
            b.keepIncompleteRows = true;
            return b;
        }

        /**
         * The matrix of {@code frame}.
         *
         * @throws IllegalArgumentException for a column the frame lacks, or normalisation of a matrix left
         *                                  with no rows
         */
        public FeatureMatrix build(FeatureFrame frame) {
            int n = frame.rowCount();
            List<String> baseNames = new ArrayList<>();
            List<Column> baseColumns = new ArrayList<>();
            for (String name : columns != null ? columns : frame.featureNames()) {
                baseColumns.add(frame.feature(name));
                baseNames.add(name);
            }
            if (returns.length > 0) {
                Column close = frame.base().column(PriceField.CLOSE);
                for (int period : returns) {
                    String name = FeaturePipeline.columnName(frame.baseTimeframe(), "return(" + period + ")");
                    if (baseNames.contains(name)) {
                        throw new IllegalArgumentException("column " + name + " is chosen twice");
                    }
                    baseNames.add(name);
                    baseColumns.add(Column.of(pastReturns(close, period)));
                }
            }
            int[] shifts = new int[lags.length + 1];
            System.arraycopy(lags, 0, shifts, 1, lags.length);
            List<String> names = new ArrayList<>(baseNames.size() * shifts.length);
            for (String name : baseNames) {
                for (int shift : shifts) {
                    names.add(shift == 0 ? name : name + "@lag" + shift);
                }
            }

            boolean[] complete = new boolean[n];
            Arrays.fill(complete, true);
            for (Column column : baseColumns) {
                double[] a = column.array();
                int off = column.offset();
                for (int i = 0; i < n; i++) {
                    if (!complete[i]) {
                        continue;
                    }
                    for (int shift : shifts) {
                        if (i < shift || !Double.isFinite(a[off + i - shift])) {
                            complete[i] = false;
                            break;
                        }
                    }
                }
            }
            int labelled = label == null ? n : Math.max(0, n - label.horizon());
            int firstComplete = 0;
            while (firstComplete < n && !complete[firstComplete]) {
                firstComplete++;
            }
            int[] kept = new int[n];
            int count = 0;
            int warmUp = 0;
            int incomplete = 0;
            int unlabeled = 0;
            for (int i = 0; i < n; i++) {
                if (keepIncompleteRows || complete[i]) {
                    if (i < labelled) {
                        kept[count++] = i;
                    } else {
                        unlabeled++;
                    }
                } else if (i < firstComplete) {
                    warmUp++;
                } else if (i < labelled) {
                    incomplete++;
                } else {
                    unlabeled++;
                }
            }
            kept = Arrays.copyOf(kept, count);

            double[][] values = new double[names.size()][count];
            int c = 0;
            for (Column column : baseColumns) {
                double[] a = column.array();
                int off = column.offset();
                for (int shift : shifts) {
                    double[] out = values[c++];
                    for (int r = 0; r < count; r++) {
                        int i = kept[r] - shift;
                        out[r] = i >= 0 ? a[off + i] : Double.NaN;
                    }
                }
            }
            long[] times = new long[count];
            for (int r = 0; r < count; r++) {
                times[r] = frame.timestamp(kept[r]);
            }
            double[] forward = null;
            int[] classes = null;
            if (label != null) {
                Column close = frame.base().column(PriceField.CLOSE);
                forward = new double[count];
                classes = new int[count];
                for (int r = 0; r < count; r++) {
                    int i = kept[r];
                    forward[r] = close.get(i + label.horizon()) / close.get(i) - 1;
                    classes[r] = label.classify(forward[r]);
                }
            }
            FeatureMatrix matrix = new FeatureMatrix(frame.symbol(), times, kept, List.copyOf(names), values, label,
                    forward, classes, null, 0, count, warmUp, incomplete, unlabeled);
            if (normalization == null) {
                return matrix;
            }
            if (count == 0) {
                throw new IllegalArgumentException("no rows are left to fit the normalisation on: " + n + " base rows, "
                        + warmUp + " in warm-up, " + incomplete + " incomplete, " + unlabeled + " without a label");
            }
            int fitRows = Math.max(1, (int) Math.floor(count * fitFraction));
            return matrix.normalized(normalization, 0, fitRows);
        }

        private static double[] pastReturns(Column close, int period) {
            double[] out = new double[close.length()];
            double[] a = close.array();
            int off = close.offset();
            for (int i = 0; i < out.length; i++) {
                out[i] = i < period ? Double.NaN : a[off + i] / a[off + i - period] - 1;
            }
            return out;
        }

        private static int[] positiveDistinct(String what, int[] values) {
            Set<Integer> sorted = new TreeSet<>();
            for (int v : values) {
                if (v < 1) {
                    throw new IllegalArgumentException(what + " must be at least 1, was " + v);
                }
                if (!sorted.add(v)) {
                    throw new IllegalArgumentException(what + " " + v + " is given twice");
                }
            }
            return sorted.stream().mapToInt(Integer::intValue).toArray();
        }
    }
}
