package dev.candela.training;

import dev.candela.spi.Column;
import dev.candela.spi.FeatureTable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Splits a feature table into buckets, each with a training slice and a validation slice, with no label
 * reaching across a boundary.
 *
 * <p>A row's label is the return over the next {@code horizon} rows, so the last {@code horizon} rows of
 * every stretch of a bucket are dropped (their labels would see the next stretch, which may belong to a
 * later bucket that is evaluated out of sample), and {@code horizon} rows are left out between the
 * training and the validation slice (purging). Rows that a window of the model would need before the first
 * row of the table are skipped.
 */
final class BucketPlan {

    /**
     * One bucket.
     *
     * @param index          0-based
     * @param trainRows      table rows for fitting, in time order
     * @param validationRows table rows for early stopping, in time order, after the training rows
     * @param volatility     standard deviation of the forward returns of its rows
     */
    record Bucket(int index, int[] trainRows, int[] validationRows, long fromMillis, long toMillis,
                  double volatility) {
        /** Training then validation rows: what the previous model is evaluated on out of sample. */
        int[] allRows() {
            int[] all = Arrays.copyOf(trainRows, trainRows.length + validationRows.length);
            System.arraycopy(validationRows, 0, all, trainRows.length, validationRows.length);
            return all;
        }
    }

    private BucketPlan() {
    }

    static List<Bucket> plan(FeatureTable table, TrainingSettings settings) {
        int span = settings.model().span();
        int horizon = table.horizon();
        int first = span - 1;
        int usable = table.rowCount() - first;
        TrainingSettings.Buckets buckets = settings.buckets();
        int stretches = buckets.mode() == TrainingSettings.BucketMode.WALK_FORWARD
                ? buckets.count() : buckets.count() * buckets.segments();
        // Every stretch loses its last horizon rows to the purge and must keep some.
        if (usable / stretches <= horizon + 1) {
            throw new TrainingDataException("the feature table has " + table.rowCount() + " rows, too few for "
                    + stretches + (stretches > buckets.count() ? " stretches (" + buckets.count() + " buckets of "
                    + buckets.segments() + ")" : " buckets") + " with a label horizon of " + horizon
                    + (span > 1 ? " and a window of " + span : "") + "; need more than "
                    + (first + (long) stretches * (horizon + 2)) + " rows");
        }
        Column forward = table.forwardReturns();
        List<int[]> ranges = new ArrayList<>(stretches);
        for (int s = 0; s < stretches; s++) {
            int from = first + (int) ((long) usable * s / stretches);
            int to = first + (int) ((long) usable * (s + 1) / stretches);
            ranges.add(new int[] {from, to});
        }
        List<List<int[]>> groups = new ArrayList<>();
        if (buckets.mode() == TrainingSettings.BucketMode.WALK_FORWARD) {
            for (int[] range : ranges) {
                groups.add(List.of(range));
            }
        } else {
            List<int[]> byVolatility = new ArrayList<>(ranges);
            // Stable sort: stretches of equal volatility keep their time order, so the plan is deterministic.
            byVolatility.sort(Comparator.comparingDouble(r -> volatility(forward, r[0], r[1])));
            for (int b = 0; b < buckets.count(); b++) {
                List<int[]> group = new ArrayList<>(byVolatility.subList(b * buckets.segments(),
                        (b + 1) * buckets.segments()));
                group.sort(Comparator.comparingInt(r -> r[0]));
                groups.add(group);
            }
        }
        List<Bucket> plan = new ArrayList<>(groups.size());
        for (int b = 0; b < groups.size(); b++) {
            plan.add(bucket(b, groups.get(b), table, horizon, settings.fit().validationFraction()));
        }
        return List.copyOf(plan);
    }

    private static Bucket bucket(int index, List<int[]> stretches, FeatureTable table, int horizon,
                                 double validationFraction) {
        int total = 0;
        for (int[] r : stretches) {
            total += Math.max(0, r[1] - horizon - r[0]);
        }
        int[] rows = new int[total];
        int n = 0;
        for (int[] r : stretches) {
            for (int row = r[0]; row < r[1] - horizon; row++) {
                rows[n++] = row;
            }
        }
        int validation = Math.max(1, (int) Math.round(total * validationFraction));
        int train = total - validation - horizon;
        if (train < 1) {
            throw new TrainingDataException("bucket " + index + " has " + total + " rows after purging, too few for a "
                    + "validation slice of " + validation + " rows, a purge of " + horizon + " rows and training rows");
        }
        int[] trainRows = Arrays.copyOfRange(rows, 0, train);
        int[] validationRows = Arrays.copyOfRange(rows, train + horizon, total);
        double[] returns = new double[total];
        for (int i = 0; i < total; i++) {
            returns[i] = table.forwardReturns().get(rows[i]);
        }
        double vol = volatility(dev.candela.spi.Column.of(returns), 0, total);
        return new Bucket(index, trainRows, validationRows, table.timestamp(rows[0]), table.timestamp(rows[total - 1]),
                vol);
    }

    static double volatility(Column forward, int from, int to) {
        double mean = 0;
        for (int i = from; i < to; i++) {
            mean += forward.get(i);
        }
        mean /= Math.max(1, to - from);
        double ss = 0;
        for (int i = from; i < to; i++) {
            double d = forward.get(i) - mean;
            ss += d * d;
        }
        return to - from > 1 ? Math.sqrt(ss / (to - from - 1)) : 0;
    }
}
