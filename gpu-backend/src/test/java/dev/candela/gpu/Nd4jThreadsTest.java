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
    }
}
