package dev.candela.core.features;

import dev.candela.core.data.OhlcvSeries;
import dev.candela.core.data.Timeframe;
import dev.candela.spi.Column;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Checks features for look-ahead by truncation: computes them on all the data, then again on the data
 * cut after each of many points, and reports every column whose values on the kept rows changed. A
 * feature that only uses what its row could know gives the same value for a row whatever comes after
 * it; one that peeks ahead (a higher candle attached at its open, an indicator centred on its bar, a
 * normalisation over the whole history) changes. This is freqtrade's lookahead-analysis, applied to
 * every row before each cut rather than to signal rows only.
 *
 * <p>Cuts are spread evenly over the data. When auditing a {@link FeaturePipeline}, every other cut is
 * moved to the last but one base bar of a candle of the largest timeframe: the one row where a higher
 * candle attached even one base bar too early is visible, whichever timeframe it belongs to. Labels are forward-looking by nature and are not
 * audited: {@link #audit(OhlcvSeries, FeaturePipeline, FeatureMatrix.Builder)} leaves them out, together
 * with normalisation (fitted on chosen rows, see {@link NormalizationStats}) and row dropping.
 *
 * <pre>{@code
 * LookaheadReport report = LookaheadAudit.builder().cuts(20).build().audit(series, pipeline);
 * if (!report.passed()) report.leaks().forEach(System.out::println);
 * }</pre>
 *
 * <p>An audit is immutable and thread-safe; it never uses the pipeline's cache, which would only fill
 * with truncated copies of the data.
 */
public final class LookaheadAudit {
    /** Default number of cut points. */
    public static final int DEFAULT_CUTS = 20;
    /** Default relative tolerance: far below any real leak, far above re-association round-off. */
    public static final double DEFAULT_TOLERANCE = 1e-9;

    private final int cuts;
    private final double tolerance;
    private final int minimumRows;

    private LookaheadAudit(Builder b) {
        this.cuts = b.cuts;
        this.tolerance = b.tolerance;
        this.minimumRows = b.minimumRows;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An audit with {@value #DEFAULT_CUTS} cuts and the default tolerance. */
    public static LookaheadAudit withDefaults() {
        return builder().build();
    }

    /**
     * Audits the pipeline's features of {@code series}. Every other cut keeps the data up to the last
     * but one base bar of a candle of the pipeline's largest timeframe, where a higher candle attached
     * too early (by any number of base bars, on any of the timeframes) shows.
     */
    public LookaheadReport audit(OhlcvSeries series, FeaturePipeline pipeline) {
        FeaturePipeline uncached = pipeline.withoutCache();
        OhlcvSeries data = prepared(series);
        return run(data, uncached::compute, cutPoints(data, pipeline.timeframes()));
    }

    /**
     * Audits the feature columns of the matrix {@code matrix} makes from the pipeline's features: lags and
     * returns included; labels, normalisation and row dropping left out. Cuts as
     * {@link #audit(OhlcvSeries, FeaturePipeline)}.
     */
    public LookaheadReport audit(OhlcvSeries series, FeaturePipeline pipeline, FeatureMatrix.Builder matrix) {
        FeaturePipeline uncached = pipeline.withoutCache();
        FeatureMatrix.Builder recipe = matrix.forAudit();
        OhlcvSeries data = prepared(series);
        return run(data, s -> recipe.build(uncached.compute(s)), cutPoints(data, pipeline.timeframes()));
    }

    /**
     * Audits any feature computation that keeps one row per complete candle of the series it is given,
     * cutting at {@link #cutPoints(int)}.
     *
     * @throws IllegalArgumentException when the computation drops or adds rows, or its columns differ
     *                                  between the full and the cut data
     */
    public LookaheadReport audit(OhlcvSeries series, Function<OhlcvSeries, ? extends FeatureColumns> features) {
        OhlcvSeries data = prepared(series);
        return run(data, features, cutPoints(data.size()));
    }

    private static OhlcvSeries prepared(OhlcvSeries series) {
        OhlcvSeries data = series.completed();
        if (data.timeframe().isEmpty()) {
            // Short cuts cannot tell their own timeframe; the full data can.
            data = data.withTimeframe(Timeframe.detect(data.timestamps()).orElse(null));
        }
        return data;
    }

    private LookaheadReport run(OhlcvSeries data, Function<OhlcvSeries, ? extends FeatureColumns> features,
                                List<Integer> points) {
        Objects.requireNonNull(features, "features");
        int n = data.size();
        FeatureColumns full = checkedRows(features.apply(data), data, n);
        List<String> names = List.copyOf(full.featureNames());
        Map<String, Evidence> found = new LinkedHashMap<>();
        for (int cut : points) {
            OhlcvSeries kept = data.slice(0, cut);
            FeatureColumns partial = checkedRows(features.apply(kept), kept, cut);
            if (!partial.featureNames().equals(names)) {
                throw new IllegalArgumentException("the feature columns differ when the data is cut after row " + cut
                        + ": " + partial.featureNames() + " instead of " + names);
            }
            for (int c = 0; c < names.size(); c++) {
                int row = firstDifference(full.feature(c), partial.feature(c), cut);
                if (row >= 0) {
                    Evidence e = found.get(names.get(c));
                    if (e == null) {
                        found.put(names.get(c), new Evidence(cut, data.timestamp(cut - 1), data.timestamp(row),
                                full.feature(c).get(row), partial.feature(c).get(row)));
                    } else {
                        e.cutsChanged++;
                    }
                }
            }
        }
        List<LookaheadReport.Leak> leaks = new ArrayList<>();
        for (String name : names) {
            Evidence e = found.get(name);
            if (e != null) {
                leaks.add(new LookaheadReport.Leak(name, e.cutsChanged, e.cutRows, e.lastKept, e.rowTime, e.fullValue,
                        e.cutValue));
            }
        }
        return new LookaheadReport(data.symbol(), n, names, points, tolerance, leaks);
    }

    /**
     * The cut points for data of {@code rows} rows: up to {@link Builder#cuts(int)} distinct row counts,
     * evenly spread inside {@code [minimumRows, rows)}.
     */
    public List<Integer> cutPoints(int rows) {
        int low = Math.max(1, minimumRows);
        List<Integer> points = new ArrayList<>();
        if (rows <= low) {
            return points;
        }
        for (int k = 1; k <= cuts; k++) {
            int cut = (int) (low + (long) (rows - low) * k / (cuts + 1));
            if (cut >= low && cut < rows && (points.isEmpty() || points.get(points.size() - 1) != cut)) {
                points.add(cut);
            }
        }
        return points;
    }

    /**
     * {@link #cutPoints(int)}, with every other cut moved forward to the nearest row that is the last but
     * one base bar of a candle of the largest of {@code timeframes}. A candle attached any number of base
     * bars too early shows on that row; and since every smaller timeframe divides the largest, the row is
     * the last but one of their candles too.
     */
    List<Integer> cutPoints(OhlcvSeries data, List<Timeframe> timeframes) {
        List<Integer> even = cutPoints(data.size());
        Optional<Timeframe> base = data.timeframe();
        Optional<Timeframe> largest = timeframes.stream().max(Comparator.comparingLong(Timeframe::millis));
        if (base.isEmpty() || largest.isEmpty() || largest.get().millis() <= base.get().millis()) {
            return even;
        }
        long twoBars = 2 * base.get().millis();
        Set<Integer> points = new TreeSet<>();
        for (int k = 0; k < even.size(); k++) {
            int cut = even.get(k);
            if (k % 2 == 1) {
                int moved = cut;
                while (moved < data.size() && !largest.get().isAligned(data.timestamp(moved - 1) + twoBars)) {
                    moved++;
                }
                cut = moved < data.size() ? moved : cut;
            }
            points.add(cut);
        }
        return new ArrayList<>(points);
    }

    private static FeatureColumns checkedRows(FeatureColumns columns, OhlcvSeries data, int rows) {
        Objects.requireNonNull(columns, "the feature computation returned null");
        if (columns.rowCount() != rows) {
            throw new IllegalArgumentException("the audited features have " + columns.rowCount() + " rows for " + rows
                    + " candles; an audit needs one row per complete candle");
        }
        if (rows > 0 && (columns.timestamp(0) != data.timestamp(0) || columns.timestamp(rows - 1) != data.timestamp(rows - 1))) {
            throw new IllegalArgumentException("the audited features' rows are not the candles' rows");
        }
        return columns;
    }

    /** The first of rows {@code [0, rows)} where the two columns differ beyond the tolerance, or -1. */
    private int firstDifference(Column full, Column cut, int rows) {
        double[] a = full.array();
        int ao = full.offset();
        double[] b = cut.array();
        int bo = cut.offset();
        for (int i = 0; i < rows; i++) {
            double x = a[ao + i];
            double y = b[bo + i];
            if (Double.compare(x, y) == 0) {
                continue;
            }
            boolean xMissing = Double.isNaN(x);
            if (xMissing != Double.isNaN(y)) {
                return i;
            }
            if (xMissing) {
                continue;
            }
            double magnitude = Math.max(1, Math.max(Math.abs(x), Math.abs(y)));
            if (!(Math.abs(x - y) <= tolerance * magnitude)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "LookaheadAudit[%d cuts from row %d, tolerance %g]", cuts, minimumRows,
                tolerance);
    }

    private static final class Evidence {
        final int cutRows;
        final long lastKept;
        final long rowTime;
        final double fullValue;
        final double cutValue;
        int cutsChanged = 1;

        Evidence(int cutRows, long lastKept, long rowTime, double fullValue, double cutValue) {
            this.cutRows = cutRows;
            this.lastKept = lastKept;
            this.rowTime = rowTime;
            this.fullValue = fullValue;
            this.cutValue = cutValue;
        }
    }

    /** Settings of a {@link LookaheadAudit}. */
    public static final class Builder {
        private int cuts = DEFAULT_CUTS;
        private double tolerance = DEFAULT_TOLERANCE;
        private int minimumRows = 1;

        private Builder() {
        }

        /** How many times to cut the data and recompute; more finds rarer leaks and takes longer. */
        public Builder cuts(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("an audit needs at least one cut, got " + count);
            }
            this.cuts = count;
            return this;
        }

        /**
         * The relative difference, {@code |a - b| / max(1, |a|, |b|)}, up to which two values count as equal;
         * 0 demands identical values.
         */
        public Builder tolerance(double relative) {
            if (!(relative >= 0) || Double.isInfinite(relative)) {
                throw new IllegalArgumentException("tolerance must be a finite number >= 0, was " + relative);
            }
            this.tolerance = relative;
            return this;
        }

        /** The fewest rows a cut keeps (default 1). */
        public Builder minimumRows(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("a cut must keep at least one row, got " + rows);
            }
            this.minimumRows = rows;
            return this;
        }

        public LookaheadAudit build() {
            return new LookaheadAudit(this);
        }
    }
}
