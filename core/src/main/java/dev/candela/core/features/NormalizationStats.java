package dev.candela.core.features;

import dev.candela.spi.Column;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Per-column statistics of a {@link Normalization}, fitted on a chosen range of rows and applied to any
 * rows: the training rows' statistics applied to validation, test and live rows, so that nothing about
 * those rows leaks into how they are scaled.
 *
 * <p>Only finite values of the fitted rows count. A column that is constant over them (or has no finite
 * value there) gets scale 1, so it maps to 0 rather than to infinity. Immutable.
 */
public final class NormalizationStats {
    private final Normalization kind;
    private final List<String> featureNames;
    private final double[] center;
    private final double[] scale;
    private final int fitFrom;
    private final int fitTo;

    private NormalizationStats(Normalization kind, List<String> featureNames, double[] center, double[] scale,
                               int fitFrom, int fitTo) {
        this.kind = kind;
        this.featureNames = featureNames;
        this.center = center;
        this.scale = scale;
        this.fitFrom = fitFrom;
        this.fitTo = fitTo;
    }

    /**
     * Fits {@code kind} on rows {@code [from, to)} of every column of {@code table}.
     *
     * @throws IndexOutOfBoundsException when the range is not inside the table
     * @throws IllegalArgumentException  when the range is empty
     */
    public static NormalizationStats fit(Normalization kind, FeatureColumns table, int from, int to) {
        Objects.requireNonNull(kind, "kind");
        Objects.checkFromToIndex(from, to, table.rowCount());
        if (from == to) {
            throw new IllegalArgumentException("cannot fit a normalisation on no rows");
        }
        List<String> names = List.copyOf(table.featureNames());
        double[] center = new double[names.size()];
        double[] scale = new double[names.size()];
        for (int c = 0; c < names.size(); c++) {
            Column column = table.feature(c);
            double[] a = column.array();
            int off = column.offset();
            double[] fitted = kind == Normalization.ZSCORE ? meanAndDeviation(a, off + from, off + to)
                    : minAndRange(a, off + from, off + to);
            center[c] = fitted[0];
            scale[c] = fitted[1] > 0 && Double.isFinite(fitted[1]) ? fitted[1] : 1;
        }
        return new NormalizationStats(kind, names, center, scale, from, to);
    }

    /** Two passes, so that large means do not swamp the deviation. */
    private static double[] meanAndDeviation(double[] a, int from, int to) {
        double sum = 0;
        int n = 0;
        for (int i = from; i < to; i++) {
            if (Double.isFinite(a[i])) {
                sum += a[i];
                n++;
            }
        }
        if (n == 0) {
            return new double[] {0, 1};
        }
        double mean = sum / n;
        double squares = 0;
        for (int i = from; i < to; i++) {
            if (Double.isFinite(a[i])) {
                double d = a[i] - mean;
                squares += d * d;
            }
        }
        return new double[] {mean, Math.sqrt(squares / n)};
    }

    private static double[] minAndRange(double[] a, int from, int to) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            if (Double.isFinite(a[i])) {
                min = Math.min(min, a[i]);
                max = Math.max(max, a[i]);
            }
        }
        return min > max ? new double[] {0, 1} : new double[] {min, max - min};
    }

    public Normalization kind() {
        return kind;
    }

    /** The columns the statistics belong to, in order. */
    public List<String> featureNames() {
        return featureNames;
    }

    /** What is subtracted from column {@code index}: its mean or minimum over the fitted rows. */
    public double center(int index) {
        return center[index];
    }

    /** What column {@code index} is divided by after subtracting the center. */
    public double scale(int index) {
        return scale[index];
    }

    /** First fitted row, in the rows of the table that was fitted. */
    public int fitFrom() {
        return fitFrom;
    }

    /** End (exclusive) of the fitted rows. */
    public int fitTo() {
        return fitTo;
    }

    /** {@code value} of column {@code index} normalised. */
    public double apply(int index, double value) {
        return (value - center[index]) / scale[index];
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "NormalizationStats[%s of %d columns fitted on rows %d..%d]",
                kind.name().toLowerCase(Locale.ROOT), featureNames.size(), fitFrom, fitTo);
    }
}
