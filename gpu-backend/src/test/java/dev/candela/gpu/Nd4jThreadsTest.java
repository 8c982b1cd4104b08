package dev.candela.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

class Nd4jThreadsTest {

    private static Nd4jThreads.Settings original;

    @BeforeAll
    static void remember() {
        original = Nd4jThreads.current();
    }

    @AfterAll
    static void restore() {
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(original.ompThreads());
        Nd4j.factory().blas().setMaxThreads(original.blasThreads());
        Nd4j.getEnvironment().setMaxMasterThreads(original.masterThreads());
    }

    @Test
    void appliesOneThenTwoThreadsAsNd4jReportsThem() {
        Nd4jThreads.Settings one = Nd4jThreads.apply(1);

        assertEquals(1, NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads());
        assertEquals(1, Nd4j.factory().blas().getMaxThreads());
        assertEquals(1, Nd4j.getEnvironment().maxMasterThreads());
        assertEquals(new Nd4jThreads.Settings(1, 1, 1, Nd4j.getEnvironment().maxThreads(), 1), one);

        Nd4jThreads.Settings two = Nd4jThreads.apply(2);

        assertEquals(2, NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads());
        assertEquals(2, Nd4j.factory().blas().getMaxThreads());
        int pool = Nd4j.getEnvironment().maxThreads();
        assertEquals(Math.min(2, pool), Nd4j.getEnvironment().maxMasterThreads());
        assertEquals(new Nd4jThreads.Settings(2, 2, 2, pool, Math.min(2, pool)), two);
    }

    @Test
    void appliesMatrixAndOperationThreadsApart() {
        int pool = Nd4j.getEnvironment().maxThreads();

        Nd4jThreads.Settings settings = Nd4jThreads.apply(2, 1);

        assertEquals(1, NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads());
        assertEquals(2, Nd4j.factory().blas().getMaxThreads());
        assertEquals(1, Nd4j.getEnvironment().maxMasterThreads());
        assertEquals(new Nd4jThreads.Settings(2, 1, 2, pool, 1), settings);

        Nd4jThreads.Settings reversed = Nd4jThreads.apply(1, 2);

        assertEquals(2, NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads());
        assertEquals(1, Nd4j.factory().blas().getMaxThreads());
        assertEquals(new Nd4jThreads.Settings(1, 2, 1, pool, Math.min(2, pool)), reversed);
    }

    @Test
    void blasThreadsAreProcessWide() throws ExecutionException, InterruptedException {
        Nd4jThreads.apply(1);

        int seenElsewhere = CompletableFuture.supplyAsync(() -> Nd4j.factory().blas().getMaxThreads()).get();

        assertEquals(1, seenElsewhere);
    }

    @Test
    void masterThreadsNeverExceedThePoolFixedAtLoad() {
        int pool = Nd4jThreads.current().maxThreads();

        Nd4jThreads.Settings settings = Nd4jThreads.apply(pool + 3);

        assertEquals(pool, settings.maxThreads());
        assertEquals(pool, settings.masterThreads());
    }

    @Test
    void rejectsFewerThanOneThread() {
        assertThrows(IllegalArgumentException.class, () -> Nd4jThreads.apply(0));
        assertThrows(IllegalArgumentException.class, () -> Nd4jThreads.apply(0, 1));
        assertThrows(IllegalArgumentException.class, () -> Nd4jThreads.apply(1, 0));
    }
}
