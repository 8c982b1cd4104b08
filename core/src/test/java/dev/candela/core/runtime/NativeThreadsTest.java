package dev.candela.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.candela.core.config.CandelaConfig;
import dev.candela.core.hardware.CudaStatus;
import dev.candela.core.hardware.HardwareReport;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class NativeThreadsTest {

    private static HardwareReport machine(int physical, int logical, int jvmProcessors) {
        return new HardwareReport("Test CPU", physical, logical, jvmProcessors, 64L << 30, 32L << 30, 4L << 30,
                "Test OS", "amd64", List.of(), CudaStatus.unavailable("CUDA probe disabled"), List.of());
    }

    private static final CandelaConfig NO_THREADS = CandelaConfig.defaults();

    @Test
    void usesPhysicalCoresNotHyperThreads() {
        NativeThreads threads = NativeThreads.derive(machine(8, 16, 16), NO_THREADS, Map.of());

        assertEquals(8, threads.count());
        assertEquals(NativeThreads.Source.HARDWARE, threads.source());
        assertEquals("8 physical cores", threads.reason());
    }

    @Test
    void containerCpuLimitCapsTheCoreCount() {
        NativeThreads threads = NativeThreads.derive(machine(32, 64, 4), NO_THREADS, Map.of());

        assertEquals(4, threads.count());
        assertEquals("32 physical cores, limited to the 4 processors this JVM may use", threads.reason());
    }

    @Test
    void singleCoreMachineGetsOneThread() {
        NativeThreads threads = NativeThreads.derive(machine(1, 1, 1), NO_THREADS, Map.of());

        assertEquals(1, threads.count());
        assertEquals("1 physical core", threads.reason());
    }

    @Test
    void configOverridesHardware() {
        NativeThreads threads = NativeThreads.derive(machine(8, 16, 16), CandelaConfig.builder().threads(3).build(),
                Map.of());

        assertEquals(3, threads.count());
        assertEquals(NativeThreads.Source.CONFIG, threads.source());
    }

    @Test
    void existingOmpNumThreadsWinsOverConfigAndIsReported() {
        NativeThreads threads = NativeThreads.derive(machine(8, 16, 16), CandelaConfig.builder().threads(3).build(),
                Map.of("OMP_NUM_THREADS", "5"));

        assertEquals(5, threads.count());
        assertEquals(NativeThreads.Source.ENVIRONMENT, threads.source());
        assertEquals("OMP_NUM_THREADS=5 is already set in the environment", threads.reason());
    }

    @Test
    void nestedOmpListUsesTheOuterLevel() {
        assertEquals(6, NativeThreads.derive(machine(8, 16, 16), NO_THREADS, Map.of("OMP_NUM_THREADS", "6,2")).count());
    }

    @Test
    void unusableOmpNumThreadsIsIgnoredAndSaidSo() {
        NativeThreads threads = NativeThreads.derive(machine(8, 16, 16), CandelaConfig.builder().threads(3).build(),
                Map.of("OMP_NUM_THREADS", "many"));

        assertEquals(3, threads.count());
        assertEquals(NativeThreads.Source.CONFIG, threads.source());
        assertEquals("OMP_NUM_THREADS='many' ignored (not a positive whole number); configuration key 'threads' is 3",
                threads.reason());
        assertEquals(8, NativeThreads.derive(machine(8, 16, 16), NO_THREADS, Map.of("OMP_NUM_THREADS", "0")).count());
    }

    @Test
    void envListsEveryNativeThreadVariableWithTheCount() {
        NativeThreads threads = NativeThreads.derive(machine(6, 12, 12), NO_THREADS, Map.of());

        assertEquals(List.of("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "SD_MAX_THREADS",
                "SD_MASTER_THREADS"), List.copyOf(threads.env().keySet()));
        assertEquals(List.of("6"), threads.env().values().stream().distinct().toList());
    }

    @Test
    void applySetsCommonPoolParallelismWhenUnset() {
        NativeThreads threads = NativeThreads.derive(machine(6, 12, 12), NO_THREADS, Map.of());
        Properties properties = new Properties();

        Map<String, String> set = threads.apply(properties);

        assertEquals(Map.of("java.util.concurrent.ForkJoinPool.common.parallelism", "6"), set);
        assertEquals("6", properties.getProperty("java.util.concurrent.ForkJoinPool.common.parallelism"));
    }

    @Test
    void applyLeavesAUserSetValueAlone() {
        NativeThreads threads = NativeThreads.derive(machine(6, 12, 12), NO_THREADS, Map.of());
        Properties properties = new Properties();
        properties.setProperty("java.util.concurrent.ForkJoinPool.common.parallelism", "2");

        Map<String, String> set = threads.apply(properties);

        assertEquals(Map.of(), set);
        assertEquals("2", properties.getProperty("java.util.concurrent.ForkJoinPool.common.parallelism"));
    }
}
