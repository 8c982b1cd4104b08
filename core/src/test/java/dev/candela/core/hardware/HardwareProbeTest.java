package dev.candela.core.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import oshi.hardware.CentralProcessor;
import oshi.hardware.GlobalMemory;
import oshi.hardware.GraphicsCard;
import oshi.hardware.HardwareAbstractionLayer;
import oshi.software.os.OperatingSystem;

class HardwareProbeTest {

    private static final CudaProbe SKIPPED_CUDA =
            CudaProbe.builder().systemProperties(Map.of("candela.cuda.probe", "skip")::get).build();

    @Test
    void realMachineReportIsConsistent() {
        HardwareReport report = HardwareProbe.create(SKIPPED_CUDA).probe();

        assertTrue(report.physicalCores() >= 1);
        assertTrue(report.logicalCores() >= report.physicalCores());
        assertEquals(Runtime.getRuntime().availableProcessors(), report.availableProcessors());
        assertEquals(Runtime.getRuntime().maxMemory(), report.maxHeapBytes());
        assertTrue(report.totalMemoryBytes() > 0);
        assertTrue(report.availableMemoryBytes() <= report.totalMemoryBytes());
        assertFalse(report.cpuModel().isBlank());
        assertFalse(report.operatingSystem().isBlank());
        assertEquals(System.getProperty("os.arch"), report.architecture());
        assertEquals(CudaStatus.unavailable("CUDA probe disabled"), report.cuda());
    }

    @Test
    void reportSurvivesJsonRoundTrip() throws Exception {
        HardwareReport report = new HardwareReport("AMD EPYC 7763 64-Core Processor", 64, 128, 32,
                540_000_000_000L, 500_000_000_000L, 8L << 30, "GNU/Linux Ubuntu 22.04", "amd64",
                List.of(new GpuInfo("GA100 [A100 SXM4 40GB]", "NVIDIA Corporation", 42_949_672_960L, "0x20b0", "")),
                new CudaStatus(true, "CUDA usable", true, "/usr/lib/x86_64-linux-gnu/libcuda.so.1", "12.2", 1,
                        List.of(new CudaDevice(0, "NVIDIA A100-SXM4-40GB", 8, 0, 42_505_273_344L))),
                List.of(new ProbeFailure("gpus", "java.lang.IllegalStateException: lshw missing")));
        ObjectMapper mapper = new ObjectMapper();

        String json = mapper.writeValueAsString(report);

        assertEquals(report, mapper.readValue(json, HardwareReport.class));
        assertTrue(json.contains("\"computeCapabilityMajor\":8"), json);
    }

    @Test
    void realReportSurvivesJsonRoundTrip() throws Exception {
        HardwareReport report = HardwareProbe.create(SKIPPED_CUDA).probe();
        ObjectMapper mapper = new ObjectMapper();

        assertEquals(report, mapper.readValue(mapper.writeValueAsString(report), HardwareReport.class));
    }

    @Test
    void failingOshiFallsBackToWhatTheJvmKnowsAndRecordsEveryFailure() {
        HardwareProbe probe = new HardwareProbe(
                () -> {
                    throw new UnsupportedOperationException("platform not supported");
                },
                () -> {
                    throw new IllegalStateException("no os");
                },
                () -> CudaStatus.unavailable("CUDA probe disabled"));

        HardwareReport report = probe.probe();

        int jvmProcessors = Runtime.getRuntime().availableProcessors();
        assertEquals("unknown", report.cpuModel());
        assertEquals(jvmProcessors, report.logicalCores());
        assertEquals(jvmProcessors, report.physicalCores());
        assertEquals(List.of(), report.gpus());
        assertTrue(report.operatingSystem().startsWith(System.getProperty("os.name")), report.operatingSystem());
        assertEquals(List.of("cpu", "memory", "operating system", "gpus"),
                report.failures().stream().map(ProbeFailure::component).toList());
        assertEquals("java.lang.UnsupportedOperationException: platform not supported", report.failures().get(0).cause());
        assertEquals("java.lang.IllegalStateException: no os", report.failures().get(2).cause());
    }

    @Test
    void oneFailingPartLeavesTheOthersIntact() {
        HardwareAbstractionLayer hal = mock(HardwareAbstractionLayer.class);
        when(hal.getProcessor()).thenThrow(new IllegalStateException("cpuid unavailable"));
        GlobalMemory memory = mock(GlobalMemory.class);
        when(memory.getTotal()).thenReturn(16L << 30);
        when(memory.getAvailable()).thenReturn(5L << 30);
        when(hal.getMemory()).thenReturn(memory);
        GraphicsCard card = mock(GraphicsCard.class);
        when(card.getName()).thenReturn("GA102 [GeForce RTX 3090]");
        when(card.getVendor()).thenReturn("NVIDIA Corporation");
        when(card.getVRam()).thenReturn(24L << 30);
        when(card.getDeviceId()).thenReturn("0x2204");
        when(card.getVersionInfo()).thenReturn("DriverVersion=535.104");
        when(hal.getGraphicsCards()).thenReturn(List.of(card));
        OperatingSystem os = mock(OperatingSystem.class);
        when(os.toString()).thenReturn("GNU/Linux Fedora 40");

        HardwareReport report = new HardwareProbe(() -> hal, () -> os, () -> CudaStatus.unavailable("skipped")).probe();

        assertEquals(16L << 30, report.totalMemoryBytes());
        assertEquals(5L << 30, report.availableMemoryBytes());
        assertEquals(List.of(new GpuInfo("GA102 [GeForce RTX 3090]", "NVIDIA Corporation", 24L << 30, "0x2204",
                "DriverVersion=535.104")), report.gpus());
        assertEquals("GNU/Linux Fedora 40", report.operatingSystem());
        assertEquals(List.of(new ProbeFailure("cpu", "java.lang.IllegalStateException: cpuid unavailable")),
                report.failures());
    }

    @Test
    void zeroCoreCountsFromOshiAreReplaced() {
        HardwareAbstractionLayer hal = mock(HardwareAbstractionLayer.class);
        CentralProcessor cpu = mock(CentralProcessor.class);
        when(cpu.getProcessorIdentifier()).thenReturn(new CentralProcessor.ProcessorIdentifier(
                "GenuineIntel", " Intel(R) Xeon(R) CPU ", "6", "85", "4", "0", true));
        when(cpu.getPhysicalProcessorCount()).thenReturn(0);
        when(cpu.getLogicalProcessorCount()).thenReturn(0);
        when(hal.getProcessor()).thenReturn(cpu);

        HardwareReport report = new HardwareProbe(() -> hal, () -> mock(OperatingSystem.class),
                () -> CudaStatus.unavailable("skipped")).probe();

        assertEquals("Intel(R) Xeon(R) CPU", report.cpuModel());
        assertEquals(Runtime.getRuntime().availableProcessors(), report.logicalCores());
        assertEquals(report.logicalCores(), report.physicalCores());
    }

    @Test
    void failingCudaProbeBecomesAnUnusableStatusWithTheCause() {
        HardwareProbe probe = new HardwareProbe(() -> mock(HardwareAbstractionLayer.class),
                () -> mock(OperatingSystem.class), () -> {
                    throw new LinkageError("jna dispatch missing");
                });

        HardwareReport report = probe.probe();

        assertEquals(CudaStatus.unavailable("CUDA probe failed: java.lang.LinkageError: jna dispatch missing"),
                report.cuda());
        assertTrue(report.failures().stream().anyMatch(f -> f.component().equals("cuda")));
    }
}
