package dev.candela.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.candela.core.config.BackendChoice;
import dev.candela.core.config.CandelaConfig;
import dev.candela.core.config.ConfigException;
import dev.candela.core.hardware.CudaDevice;
import dev.candela.core.hardware.CudaStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackendSelectorTest {

    private static final CudaStatus USABLE = new CudaStatus(true,
            "CUDA usable: driver for CUDA 12.4, GPU 0 NVIDIA A10 (compute capability 8.6, 22.2 GiB)", true,
            "/usr/lib/x86_64-linux-gnu/libcuda.so.1", "12.4", 1,
            List.of(new CudaDevice(0, "NVIDIA A10", 8, 6, 23836033024L)));
    private static final CudaStatus NO_DRIVER = CudaStatus.unavailable("no NVIDIA driver (libcuda.so.1 not found)");

    private static CandelaConfig configWith(BackendChoice backend) {
        return CandelaConfig.builder().backend(backend).build();
    }

    private static BackendSelector selector(Map<String, String> env, Map<String, String> properties) {
        return BackendSelector.of(env, properties);
    }

    @Test
    void explicitRequestWinsOverEverythingElse() {
        BackendSelection selection = selector(Map.of("CANDELA_BACKEND", "gpu"), Map.of("candela.backend", "gpu"))
                .select(BackendChoice.CPU, configWith(BackendChoice.GPU), USABLE);

        assertEquals(new BackendSelection(BackendChoice.CPU, BackendSelection.Source.EXPLICIT, Backend.CPU,
                "cpu (explicit request): using the CPU backend", false), selection);
    }

    @Test
    void systemPropertyWinsOverEnvironmentAndConfig() {
        BackendSelection selection = selector(Map.of("CANDELA_BACKEND", "gpu"), Map.of("candela.backend", "CPU"))
                .select(configWith(BackendChoice.GPU), USABLE);

        assertEquals(BackendChoice.CPU, selection.requested());
        assertEquals(BackendSelection.Source.SYSTEM_PROPERTY, selection.source());
        assertEquals(Backend.CPU, selection.effective());
    }

    @Test
    void environmentWinsOverConfig() {
        BackendSelection selection = selector(Map.of("CANDELA_BACKEND", "cpu"), Map.of())
                .select(configWith(BackendChoice.GPU), USABLE);

        assertEquals(BackendSelection.Source.ENVIRONMENT, selection.source());
        assertEquals(Backend.CPU, selection.effective());
        assertEquals("cpu (environment variable CANDELA_BACKEND): using the CPU backend", selection.reason());
    }

    @Test
    void configWinsOverDefault() {
        BackendSelection selection = selector(Map.of(), Map.of()).select(configWith(BackendChoice.CPU), USABLE);

        assertEquals(BackendSelection.Source.CONFIG, selection.source());
        assertEquals(Backend.CPU, selection.effective());
    }

    @Test
    void defaultIsAutoWhenNobodyAsks() {
        BackendSelection selection = selector(Map.of(), Map.of()).select(CandelaConfig.defaults(), USABLE);

        assertEquals(BackendChoice.AUTO, selection.requested());
        assertEquals(BackendSelection.Source.DEFAULT, selection.source());
    }

    @Test
    void blankValuesCountAsUnset() {
        BackendSelection selection = selector(Map.of("CANDELA_BACKEND", " "), Map.of("candela.backend", ""))
                .select(configWith(BackendChoice.CPU), USABLE);

        assertEquals(BackendSelection.Source.CONFIG, selection.source());
    }

    @Test
    void autoTakesTheGpuWhenCudaIsUsable() {
        BackendSelection selection = selector(Map.of(), Map.of()).select(CandelaConfig.defaults(), USABLE);

        assertEquals(Backend.GPU, selection.effective());
        assertFalse(selection.emulated());
        assertEquals("auto (default): using the GPU backend; " + USABLE.reason(), selection.reason());
    }

    @Test
    void autoFallsBackToCpuAndSaysWhy() {
        BackendSelection selection = selector(Map.of(), Map.of()).select(CandelaConfig.defaults(), NO_DRIVER);

        assertEquals(Backend.CPU, selection.effective());
        assertEquals("auto (default): CUDA not usable (no NVIDIA driver (libcuda.so.1 not found)); using the CPU"
                + " backend", selection.reason());
    }

    @Test
    void cpuRequestStaysOnCpuEvenWithAUsableGpu() {
        assertEquals(Backend.CPU, selector(Map.of(), Map.of())
                .select(BackendChoice.CPU, CandelaConfig.defaults(), USABLE).effective());
    }

    @Test
    void gpuRequestRunsOnAUsableGpu() {
        BackendSelection selection = selector(Map.of(), Map.of())
                .select(BackendChoice.GPU, CandelaConfig.defaults(), USABLE);

        assertEquals(Backend.GPU, selection.effective());
        assertFalse(selection.emulated());
    }

    @Test
    void gpuRequestOnAnUnusableMachineThrowsWithTheReason() {
        BackendSelector selector = selector(Map.of("CANDELA_BACKEND", "gpu"), Map.of());

        BackendUnavailableException e = assertThrows(BackendUnavailableException.class,
                () -> selector.select(CandelaConfig.defaults(), NO_DRIVER));

        assertEquals("GPU backend requested by environment variable CANDELA_BACKEND but CUDA is not usable: no NVIDIA"
                + " driver (libcuda.so.1 not found). Request backend 'cpu' or 'auto', or set CANDELA_GPU_EMULATE=1 to"
                + " run the GPU backend on the CPU for testing.", e.getMessage());
        assertSame(NO_DRIVER, e.cuda());
    }

    @Test
    void emulationByEnvironmentLetsAGpuRequestRunWithoutAGpu() {
        BackendSelection selection = selector(Map.of("CANDELA_GPU_EMULATE", "1"), Map.of())
                .select(BackendChoice.GPU, CandelaConfig.defaults(), NO_DRIVER);

        assertEquals(Backend.GPU, selection.effective());
        assertTrue(selection.emulated());
        assertTrue(selection.reason().contains("GPU emulation is on"), selection.reason());
    }

    @Test
    void emulationBySystemPropertyLetsAGpuRequestRunWithoutAGpu() {
        BackendSelection selection = selector(Map.of(), Map.of("candela.gpu.emulate", "true"))
                .select(configWith(BackendChoice.GPU), NO_DRIVER);

        assertEquals(Backend.GPU, selection.effective());
        assertTrue(selection.emulated());
        assertEquals(BackendSelection.Source.CONFIG, selection.source());
    }

    @Test
    void emulationDoesNotTurnAutoIntoGpu() {
        BackendSelection selection = selector(Map.of("CANDELA_GPU_EMULATE", "1"), Map.of())
                .select(CandelaConfig.defaults(), NO_DRIVER);

        assertEquals(Backend.CPU, selection.effective());
        assertFalse(selection.emulated());
    }

    @Test
    void aRealGpuIsNotMarkedEmulated() {
        BackendSelection selection = selector(Map.of("CANDELA_GPU_EMULATE", "1"), Map.of())
                .select(BackendChoice.GPU, CandelaConfig.defaults(), USABLE);

        assertFalse(selection.emulated());
    }

    @Test
    void emulationSwitchedOffStillThrows() {
        BackendSelector selector = selector(Map.of("CANDELA_GPU_EMULATE", "0"), Map.of("candela.gpu.emulate", "false"));

        assertThrows(BackendUnavailableException.class,
                () -> selector.select(BackendChoice.GPU, CandelaConfig.defaults(), NO_DRIVER));
    }

    @Test
    void unknownBackendInEnvironmentNamesTheVariable() {
        BackendSelector selector = selector(Map.of("CANDELA_BACKEND", "cuda"), Map.of());

        ConfigException e = assertThrows(ConfigException.class,
                () -> selector.select(CandelaConfig.defaults(), USABLE));

        assertEquals("invalid value for 'CANDELA_BACKEND': unknown backend 'cuda'; expected auto, cpu or gpu",
                e.getMessage());
        assertEquals(Optional.of("CANDELA_BACKEND"), e.key());
    }

    @Test
    void unknownBackendInSystemPropertyNamesTheProperty() {
        ConfigException e = assertThrows(ConfigException.class, () -> selector(Map.of(), Map.of("candela.backend", "tpu"))
                .select(CandelaConfig.defaults(), USABLE));

        assertEquals(Optional.of("candela.backend"), e.key());
    }

    @Test
    void strayLowerPrecedenceValueDoesNotBreakAnExplicitRequest() {
        BackendSelection selection = selector(Map.of("CANDELA_BACKEND", "cuda"), Map.of("candela.backend", "tpu"))
                .select(BackendChoice.CPU, CandelaConfig.defaults(), USABLE);

        assertEquals(Backend.CPU, selection.effective());
    }

    @Test
    void malformedEmulationFlagIsRejected() {
        BackendSelector selector = selector(Map.of("CANDELA_GPU_EMULATE", "yes please"), Map.of());

        ConfigException e = assertThrows(ConfigException.class,
                () -> selector.select(BackendChoice.GPU, CandelaConfig.defaults(), NO_DRIVER));

        assertEquals(Optional.of("CANDELA_GPU_EMULATE"), e.key());
    }

    @Test
    void onlyTheGpuCanBeEmulated() {
        assertThrows(IllegalArgumentException.class, () -> new BackendSelection(BackendChoice.CPU,
                BackendSelection.Source.EXPLICIT, Backend.CPU, "cpu", true));
    }
}
