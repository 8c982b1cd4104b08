package dev.candela.gpu;

import org.nd4j.linalg.api.blas.Blas;
import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOps;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Applies native thread counts to a loaded ND4J (1.0.0-M2.1): the BLAS library's threads, and libnd4j's
 * OpenMP and master threads. When it is what loads ND4J, it first turns off
 * JavaCPP's per-allocation physical-memory check ({@link JavaCppChecks}).
 *
 * <p>What can still change after ND4J has loaded, and what cannot:
 * <ul>
 *   <li>BLAS threads ({@code openblas_set_num_threads} or MKL's equivalent) are process-wide;</li>
 *   <li>OpenMP's thread count is a per-thread setting: {@code setOmpNumThreads} changes it for the
 *       calling thread only, so other threads keep the count OpenMP read from {@code OMP_NUM_THREADS} at
 *       load time;</li>
 *   <li>libnd4j's thread pool is sized once, at load, from {@code SD_MAX_THREADS}
 *       ({@code Environment.setMaxThreads} does not resize it), so master threads can only be set up to
 *       that size.</li>
 * </ul>
 * For the count to hold everywhere, launch the JVM with the variables from
 * {@code dev.candela.core.runtime.NativeThreads#env()} and call {@link #apply(int)} as well.
 */
public final class Nd4jThreads {

    private Nd4jThreads() {
    }

    /**
     * The thread settings ND4J reports after {@link #apply(int, int)}.
     *
     * @param requested     the BLAS count asked for
     * @param ompThreads    OpenMP's maximum threads, as seen from the calling thread
     * @param blasThreads   the BLAS library's threads
     * @param maxThreads    libnd4j's thread-pool size (fixed at load)
     * @param masterThreads libnd4j's master threads, at most {@code maxThreads}
     */
    public record Settings(int requested, int ompThreads, int blasThreads, int maxThreads, int masterThreads) {
    }

    /**
     * Applies {@code threads} to ND4J, loading ND4J first if needed: the same count for matrix products and
     * for libnd4j's own operations ({@code apply(threads, threads)}).
     *
     * @return what ND4J reports afterwards
     * @throws IllegalArgumentException when {@code threads} is below 1
     */
    public static Settings apply(int threads) {
        return apply(threads, threads);
    }

    /**
     * Applies separate counts to ND4J's two kinds of parallelism, loading ND4J first if needed.
     *
     * <ul>
     *   <li>{@code blasThreads}: the BLAS library's threads, which split matrix products (process-wide);</li>
     *   <li>{@code opThreads}: libnd4j's OpenMP threads on the calling thread and its master threads, which
     *       split element-wise operations, reductions and custom operations.</li>
     * </ul>
     *
     * Training small networks wants them apart: their element-wise operations are too small to split, and
     * on few cores libnd4j's OpenMP team and the BLAS threads contend with each other. On a 2-core machine,
     * fitting an MLP of 32 and 16 units ran 1.3 to 2.4 times slower with 2 OpenMP threads than with 1,
     * whatever the BLAS count, while 2 BLAS threads with 1 OpenMP thread were as fast as or faster than 1
     * and 1, up to layers of 1,024 units.
     *
     * @return what ND4J reports afterwards; {@link Settings#requested()} is {@code blasThreads}
     * @throws IllegalArgumentException when either count is below 1
     */
    public static Settings apply(int blasThreads, int opThreads) {
        if (blasThreads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + blasThreads);
        }
        if (opThreads < 1) {
            throw new IllegalArgumentException("op threads must be at least 1, was " + opThreads);
        }
        JavaCppChecks.turnOffPhysicalMemoryCheckUnlessSet();
        // NativeOpsHolder needs the backend's configuration, which only Nd4j's initialisation provides.
        Environment environment = Nd4j.getEnvironment();
        NativeOps nativeOps = NativeOpsHolder.getInstance().getDeviceNativeOps();
        Blas blas = Nd4j.factory().blas();

        nativeOps.setOmpNumThreads(opThreads);
        blas.setMaxThreads(blasThreads);
        environment.setMaxThreads(Math.max(blasThreads, opThreads));
        // libnd4j caps master threads at the pool size itself; asking for more would be silently cut.
        environment.setMaxMasterThreads(Math.min(opThreads, environment.maxThreads()));
        return current(blasThreads);
    }

    /** What ND4J reports now, loading ND4J first if needed; {@code requested} is 0. */
    public static Settings current() {
        return current(0);
    }

    private static Settings current(int requested) {
        JavaCppChecks.turnOffPhysicalMemoryCheckUnlessSet();
        // First, so that ND4J is initialised before NativeOpsHolder is touched.
        Environment environment = Nd4j.getEnvironment();
        return new Settings(requested, NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads(),
                Nd4j.factory().blas().getMaxThreads(), environment.maxThreads(), environment.maxMasterThreads());
    }
}
