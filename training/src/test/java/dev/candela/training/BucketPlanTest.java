package dev.candela.training;

import dev.candela.spi.FeatureTable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BucketPlanTest {

    private static TestTables.ArrayTable table(int rows, int horizon) {
        TestTables.ArrayTable t = (TestTables.ArrayTable) TestTables.learnable(rows, 2, 7);
        return new TestTables.ArrayTable(t.x(), t.forward(), t.labels(), t.time(), 3, horizon);
    }

    @Test
    void walkForwardBucketsAreChronologicalAndNoLabelReachesPastItsSlice() {
        int horizon = 5;
        FeatureTable t = table(1000, horizon);
        TrainingSettings s = TrainingSettings.fromMap(Map.of("buckets", Map.of("count", 4)));
        List<BucketPlan.Bucket> plan = BucketPlan.plan(t, s);
        assertEquals(4, plan.size());
        int previousEnd = -1;
        for (BucketPlan.Bucket b : plan) {
            int[] train = b.trainRows();
            int[] val = b.validationRows();
            assertTrue(train[0] > previousEnd, "buckets follow each other");
            // A training label covers rows r+1..r+horizon: it must end before validation starts.
            assertTrue(train[train.length - 1] + horizon < val[0], "purged between training and validation");
            previousEnd = val[val.length - 1];
        }
        for (int i = 0; i + 1 < plan.size(); i++) {
            int lastLabelled = plan.get(i).validationRows()[plan.get(i).validationRows().length - 1] + horizon;
            assertTrue(lastLabelled < plan.get(i + 1).trainRows()[0],
                    "no label of bucket " + i + " sees the rows of bucket " + (i + 1));
        }
    }

    @Test
    void lstmWindowsNeverReachBeforeTheFirstRow() {
        TrainingSettings s = TrainingSettings.fromMap(Map.of("model", Map.of("type", "lstm", "window", 10),
                "buckets", Map.of("count", 2)));
        List<BucketPlan.Bucket> plan = BucketPlan.plan(table(400, 1), s);
        assertEquals(9, plan.get(0).trainRows()[0]);
    }

    @Test
    void volatilityBucketsGoFromCalmToVolatile() {
        double[][] x = {new double[1200]};
        double[] forward = new double[1200];
        int[] labels = new int[1200];
        long[] time = new long[1200];
        java.util.Random random = new java.util.Random(3);
        for (int r = 0; r < 1200; r++) {
            // volatility rises and falls in waves, so calm and wild stretches alternate in time
            double scale = 0.001 + 0.01 * Math.abs(Math.sin(r / 90.0));
            forward[r] = scale * random.nextGaussian();
            time[r] = r * 60_000L;
        }
        FeatureTable t = new TestTables.ArrayTable(x, forward, labels, time, 3, 1);
        TrainingSettings s = TrainingSettings.fromMap(Map.of("buckets", Map.of("mode", "volatility", "count", 3,
                "segments", 4)));
        List<BucketPlan.Bucket> plan = BucketPlan.plan(t, s);
        for (int i = 0; i + 1 < plan.size(); i++) {
            assertTrue(plan.get(i).volatility() < plan.get(i + 1).volatility(),
                    "bucket " + i + " is calmer than bucket " + (i + 1));
        }
    }

    @Test
    void tooFewRowsForTheBucketsIsBadData() {
        TrainingSettings s = TrainingSettings.fromMap(Map.of("buckets", Map.of("count", 10)));
        TrainingDataException e = assertThrows(TrainingDataException.class, () -> BucketPlan.plan(table(40, 4), s));
        assertTrue(e.getMessage().contains("40 rows"), e.getMessage());
    }
}
