package dev.candela.core;

import com.google.inject.AbstractModule;
import com.google.inject.Stage;
import dev.candela.core.compute.ComputePool;
import dev.candela.core.config.BackendChoice;
import dev.candela.core.config.CandelaConfig;
import dev.candela.core.hardware.CudaDevice;
import dev.candela.core.hardware.CudaStatus;
import dev.candela.core.hardware.HardwareReport;
import dev.candela.core.runtime.Backend;
import dev.candela.core.runtime.BackendSelector;
import dev.candela.core.runtime.BackendUnavailableException;
import dev.candela.spi.Profiler;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class CandelaTest {
    private static final CudaStatus NO_GPU = CudaStatus.unavailable("no NVIDIA driver (libcuda.so.1 not found)");
    private static final CudaStatus GOOD_GPU = new CudaStatus(true, "GPU 0 usable", true, "libcuda.so.1", "11060", 1,
            List.of(new CudaDevice(0, "NVIDIA A10", 8, 6, 24L << 30)));

    private static HardwareReport machine(CudaStatus cuda) {
        return new HardwareReport("Test CPU", 4, 8, 4, 16L << 30, 8L << 30, 4L << 30, "Linux", "amd64",
                List.of(), cuda, List.of());
    }

    private static Candela.Builder builder(CudaStatus cuda, Map<String, String> env) {
        return Candela.builder().hardware(machine(cuda)).config(CandelaConfig.defaults())
                .selector(BackendSelector.of(env, Map.of()));
    }

    @Test
    void closingTheRuntimeClosesWhatItsBindingsRegistered() {
        List<String> closed = new java.util.ArrayList<>();
        Candela candela = builder(NO_GPU, Map.of()).build();
        candela.get(RuntimeLifecycle.class).closeWithRuntime(() -> closed.add("resource"));
        assertEquals(List.of(), closed);
        candela.close();
        assertEquals(List.of("resource"), closed);
    }

    @Test
    void autoOnAMachineWithoutAUsableGpuWiresTheCpuModule() {
        try (Candela c = builder(NO_GPU, Map.of()).build()) {
            assertEquals(Backend.CPU, c.backend().effective());
            assertEquals("fake-cpu", c.compute().name());
            assertTrue(c.backend().reason().contains("libcuda.so.1"), c.backend().reason());
        }
    }

    @Test
    void autoWithAUsableGpuWiresTheGpuModule() {
        try (Candela c = builder(GOOD_GPU, Map.of()).build()) {
            assertEquals(Backend.GPU, c.backend().effective());
            assertEquals("fake-gpu", c.compute().name());
        }
    }

    @Test
    void explicitGpuOnAnUnusableMachineFailsWithTheReason() {
        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> builder(NO_GPU, Map.of()).backend(BackendChoice.GPU).build());
        assertTrue(e.getMessage().contains("libcuda.so.1"), e.getMessage());
    }

    @Test
    void environmentVariableChoosesTheBackendAndEmulationAllowsGpuWithoutOne() {
        try (Candela c = builder(GOOD_GPU, Map.of("CANDELA_BACKEND", "cpu")).build()) {
            assertEquals("fake-cpu", c.compute().name());
        }
        try (Candela c = builder(NO_GPU, Map.of("CANDELA_BACKEND", "gpu", "CANDELA_GPU_EMULATE", "1")).build()) {
            assertEquals("fake-gpu", c.compute().name());
            assertTrue(c.backend().emulated());
        }
    }

    @Test
    void userModulesOverrideCandelasBindings() {
        Profiler mine = mock(Profiler.class);
        when(mine.isEnabled()).thenReturn(true);
        try (Candela c = builder(NO_GPU, Map.of()).modules(new AbstractModule() {
            @Override
            protected void configure() {
                bind(Profiler.class).toInstance(mine);
            }
        }).build()) {
            assertSame(mine, c.get(Profiler.class));
            assertTrue(c.get(Profiler.class).isEnabled());
        }
    }

    @Test
    void toolStageChecksTheWiringWithoutCreatingTheBackend() {
        try (Candela c = builder(NO_GPU, Map.of()).stage(Stage.TOOL).build()) {
            assertTrue(c.injector().getBindings().containsKey(com.google.inject.Key.get(
                    dev.candela.core.compute.ComputeBackend.class)));
            assertThrows(UnsupportedOperationException.class, c::compute, "TOOL stage creates no instances");
        }
    }

    @Test
    void oneFeatureCacheSizedByTheConfigurationIsShared() {
        CandelaConfig config = CandelaConfig.defaults().toBuilder()
                .cache(new dev.candela.core.config.CacheConfig(1L << 20)).build();
        try (Candela c = builder(NO_GPU, Map.of()).config(config).build()) {
            dev.candela.core.features.cache.FeatureCache cache = c.get(dev.candela.core.features.cache.FeatureCache.class);
            assertSame(cache, c.get(dev.candela.core.features.cache.FeatureCache.class));
            assertEquals(1L << 20, cache.maxBytes());
        }
    }

    @Test
    void closeStopsTheComputeThreads() {
        Candela c = builder(NO_GPU, Map.of()).build();
        ExecutorService pool = (ExecutorService) c.get(ComputePool.class).executor();
        assertEquals(c.threads().count(), c.get(ComputePool.class).parallelism());
        assertFalse(pool.isShutdown());
        c.close();
        assertTrue(pool.isShutdown());
    }

    @Test
    void aMissingBackendJarIsNamedInTheError() {
        ClassLoader hidingFactories = new ClassLoader(getClass().getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                return name.endsWith("BackendModuleFactory") ? Collections.emptyEnumeration() : super.getResources(name);
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> builder(NO_GPU, Map.of()).classLoader(hidingFactories).build());
        assertEquals("no module for the cpu backend on the class path (add the candela-cpu-backend jar)", e.getMessage());
    }
}
