package dev.candela.core.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CudaProbeTest {

    private static final Path DRIVER = Path.of("/usr/lib/x86_64-linux-gnu/libcuda.so.1");
    private static final Set<String> ALL_LIBRARIES = Set.of("libcuda.so.1", "libcublas.so.11", "libcusolver.so.11");

    /** Child output for driver 12.4 and the given devices, each as {name, "major.minor", memory}. */
    private static String childOutput(int driverVersion, String... devices) {
        StringBuilder out = new StringBuilder("candela-cuda-probe 1\n")
                .append("driver.version=").append(driverVersion).append('\n')
                .append("init=0 CUDA_SUCCESS\n")
                .append("device.count=").append(devices.length / 3).append('\n');
        for (int i = 0; i < devices.length / 3; i++) {
            out.append("device.").append(i).append(".name=").append(devices[3 * i]).append('\n')
                    .append("device.").append(i).append(".capability=").append(devices[3 * i + 1]).append('\n')
                    .append("device.").append(i).append(".memory=").append(devices[3 * i + 2]).append('\n');
        }
        return out.append("end\n").toString();
    }

    private static final class FakeRunner implements CudaProbe.ProcessRunner {
        final CudaProbe.ProcessResult result;
        final List<List<String>> commands = new ArrayList<>();
        final List<Duration> timeouts = new ArrayList<>();

        FakeRunner(CudaProbe.ProcessResult result) {
            this.result = result;
        }

        static FakeRunner printing(String stdout) {
            return new FakeRunner(new CudaProbe.ProcessResult(0, false, stdout, ""));
        }

        @Override
        public CudaProbe.ProcessResult run(List<String> command, Duration timeout) {
            commands.add(command);
            timeouts.add(timeout);
            return result;
        }
    }

    private static CudaProbe.LibraryLocator libraries(Set<String> present) {
        return name -> present.contains(name) ? Optional.of(DRIVER.resolveSibling(name)) : Optional.empty();
    }

    private static CudaProbe.Builder probe(Set<String> libraries, CudaProbe.ProcessRunner runner, boolean nd4jCuda) {
        return CudaProbe.builder()
                .systemProperties(name -> null)
                .operatingSystem("Linux")
                .libraryLocator(libraries(libraries))
                .processRunner(runner)
                .classPath(resource -> nd4jCuda && resource.equals("org/nd4j/linalg/jcublas/JCublasBackend.class"));
    }

    @Test
    void disabledByPropertyWithoutLookingForTheDriver() {
        List<String> asked = new ArrayList<>();
        CudaProbe probe = CudaProbe.builder()
                .systemProperties(Map.of("candela.cuda.probe", "skip")::get)
                .libraryLocator(name -> {
                    asked.add(name);
                    return Optional.of(DRIVER);
                })
                .build();

        assertEquals("CUDA probe disabled", probe.unavailabilityCause());
        assertEquals(List.of(), asked);
    }

    @Test
    void reportsMissingDriverWithoutStartingAChild() {
        FakeRunner runner = FakeRunner.printing(childOutput(12040, "NVIDIA A100", "8.0", "42949672960"));

        CudaStatus status = probe(Set.of(), runner, true).build().status();

        assertFalse(status.usable());
        assertEquals("no NVIDIA driver (libcuda.so.1 not found)", status.reason());
        assertFalse(status.driverPresent());
        assertEquals(List.of(), runner.commands);
    }

    @Test
    void looksForTheWindowsDriverOnWindows() {
        List<String> asked = new ArrayList<>();
        CudaProbe probe = CudaProbe.builder().systemProperties(name -> null).operatingSystem("Windows 11")
                .libraryLocator(name -> {
                    asked.add(name);
                    return Optional.empty();
                }).build();

        assertEquals("no NVIDIA driver (nvcuda.dll not found)", probe.unavailabilityCause());
        assertEquals(List.of("nvcuda.dll"), asked);
    }

    @Test
    void saysCudaIsUnsupportedOnMacOs() {
        CudaProbe probe = CudaProbe.builder().systemProperties(name -> null).operatingSystem("Mac OS X")
                .libraryLocator(name -> Optional.of(DRIVER)).build();

        assertEquals("CUDA is not supported on Mac OS X", probe.unavailabilityCause());
    }

    @Test
    void driverWithZeroDevicesIsUnusable() {
        CudaStatus status = probe(ALL_LIBRARIES, FakeRunner.printing(childOutput(12040)), true).build().status();

        assertFalse(status.usable());
        assertTrue(status.driverPresent());
        assertEquals("12.4", status.driverVersion());
        assertEquals(0, status.deviceCount());
        assertEquals("NVIDIA driver (CUDA 12.4) found but no CUDA device is visible", status.reason());
    }

    @Test
    void cuInitReportingNoDeviceMeansZeroDevices() {
        String out = "candela-cuda-probe 1\ndriver.version=12020\ninit=100 CUDA_ERROR_NO_DEVICE\nend\n";

        CudaStatus status = probe(ALL_LIBRARIES, FakeRunner.printing(out), true).build().status();

        assertFalse(status.usable());
        assertEquals("NVIDIA driver (CUDA 12.2) found but no CUDA device is visible", status.reason());
    }

    @Test
    void otherCuInitFailuresAreReportedByName() {
        String out = "candela-cuda-probe 1\ndriver.version=12020\ninit=999 CUDA_ERROR_UNKNOWN\nend\n";

        CudaStatus status = probe(ALL_LIBRARIES, FakeRunner.printing(out), true).build().status();

        assertEquals("cuInit failed with CUDA_ERROR_UNKNOWN (999)", status.reason());
        assertTrue(status.driverPresent());
    }

    @Test
    void hopperIsUnusableBecauseNd4jShipsNoCodeForIt() {
        FakeRunner runner = FakeRunner.printing(childOutput(12040, "NVIDIA H100 80GB HBM3", "9.0", "85045379072"));

        CudaStatus status = probe(ALL_LIBRARIES, runner, true).build().status();

        assertFalse(status.usable());
        assertEquals("GPU 0 NVIDIA H100 80GB HBM3 has compute capability 9.0; ND4J CUDA 1.0.0-M2.1 runs only on 3.7-8.6",
                status.reason());
        assertEquals(List.of(new CudaDevice(0, "NVIDIA H100 80GB HBM3", 9, 0, 85045379072L)), status.devices());
        assertEquals(1, status.deviceCount());
    }

    @Test
    void keplerBelowThreePointSevenIsUnusable() {
        FakeRunner runner = FakeRunner.printing(childOutput(11040, "Tesla K40m", "3.5", "12079136768"));

        String reason = probe(ALL_LIBRARIES, runner, true).build().unavailabilityCause();

        assertEquals("GPU 0 Tesla K40m has compute capability 3.5; ND4J CUDA 1.0.0-M2.1 runs only on 3.7-8.6", reason);
    }

    @Test
    void ampereWithLibrariesAndClassesIsUsable() {
        FakeRunner runner = FakeRunner.printing(childOutput(12040, "NVIDIA GeForce RTX 3090", "8.6", "25447170048"));

        CudaProbe probe = probe(ALL_LIBRARIES, runner, true).build();
        CudaStatus status = probe.status();

        assertTrue(status.usable());
        assertTrue(probe.isAvailable());
        assertNull(probe.unavailabilityCause());
        probe.ensureAvailability();
        assertEquals("CUDA usable: driver for CUDA 12.4, GPU 0 NVIDIA GeForce RTX 3090 (compute capability 8.6,"
                + " 23.7 GiB)", status.reason());
        assertEquals(DRIVER.toString(), status.driverLibrary());
        assertEquals(List.of(new CudaDevice(0, "NVIDIA GeForce RTX 3090", 8, 6, 25447170048L)), status.devices());
    }

    @Test
    void lowestSupportedCapabilityIsUsable() {
        FakeRunner runner = FakeRunner.printing(childOutput(11060, "Tesla K80", "3.7", "11996954624"));

        assertTrue(probe(ALL_LIBRARIES, runner, true).build().isAvailable());
    }

    @Test
    void oneUnsupportedDeviceAmongSeveralMakesCudaUnusable() {
        FakeRunner runner = FakeRunner.printing(childOutput(12040,
                "NVIDIA A100-SXM4-40GB", "8.0", "42505273344",
                "NVIDIA H100 PCIe", "9.0", "85520809984"));

        CudaStatus status = probe(ALL_LIBRARIES, runner, true).build().status();

        assertFalse(status.usable());
        assertEquals(2, status.deviceCount());
        assertEquals("GPU 1 NVIDIA H100 PCIe has compute capability 9.0; ND4J CUDA 1.0.0-M2.1 runs only on 3.7-8.6"
                + " (hide it with CUDA_VISIBLE_DEVICES)", status.reason());
    }

    @Test
    void driverOlderThanCuda11IsUnusable() {
        FakeRunner runner = FakeRunner.printing(childOutput(10020, "Tesla V100", "7.0", "17071734784"));

        assertEquals("NVIDIA driver supports CUDA 10.2 only; ND4J CUDA 1.0.0-M2.1 needs a driver for CUDA 11.0 or newer",
                probe(ALL_LIBRARIES, runner, true).build().unavailabilityCause());
    }

    @Test
    void missingCublasIsUnusable() {
        FakeRunner runner = FakeRunner.printing(childOutput(12040, "NVIDIA A10", "8.6", "23836033024"));

        String reason = probe(Set.of("libcuda.so.1", "libcusolver.so.11"), runner, true).build().unavailabilityCause();

        assertEquals("CUDA 11.6 cuBLAS not found (libcublas.so.11)", reason);
    }

    @Test
    void missingCusolverIsUnusable() {
        FakeRunner runner = FakeRunner.printing(childOutput(12040, "NVIDIA A10", "8.6", "23836033024"));

        String reason = probe(Set.of("libcuda.so.1", "libcublas.so.11"), runner, true).build().unavailabilityCause();

        assertEquals("CUDA 11.6 cuSOLVER not found (libcusolver.so.11)", reason);
    }

    @Test
    void missingNd4jCudaClassesIsUnusable() {
        FakeRunner runner = FakeRunner.printing(childOutput(12040, "NVIDIA A10", "8.6", "23836033024"));

        String reason = probe(ALL_LIBRARIES, runner, false).build().unavailabilityCause();

        assertEquals("ND4J CUDA backend is not on the class path (add org.nd4j:nd4j-cuda-11.6:1.0.0-M2.1)", reason);
    }

    @Test
    void childCrashBecomesReasonWithExitCodeAndSignal() {
        FakeRunner runner = new FakeRunner(new CudaProbe.ProcessResult(134, false, "candela-cuda-probe 1\n",
                "#\n# A fatal error has been detected by the Java Runtime Environment:\n#  SIGSEGV (0xb) in libcuda.so.1\n"));

        CudaStatus status = probe(ALL_LIBRARIES, runner, true).build().status();

        assertFalse(status.usable());
        assertTrue(status.driverPresent());
        assertEquals("CUDA driver probe crashed (exit code 134, SIGABRT): #  SIGSEGV (0xb) in libcuda.so.1",
                status.reason());
    }

    @Test
    void childTimeoutBecomesReason() {
        FakeRunner runner = new FakeRunner(new CudaProbe.ProcessResult(-1, true, "", ""));

        String reason = probe(ALL_LIBRARIES, runner, true).timeout(Duration.ofSeconds(7)).build().unavailabilityCause();

        assertEquals("CUDA driver probe timed out after 7 s and was killed", reason);
        assertEquals(List.of(Duration.ofSeconds(7)), runner.timeouts);
    }

    @Test
    void defaultTimeoutIsTwentySeconds() {
        FakeRunner runner = new FakeRunner(new CudaProbe.ProcessResult(-1, true, "", ""));

        String reason = probe(ALL_LIBRARIES, runner, true).build().unavailabilityCause();

        assertEquals("CUDA driver probe timed out after 20 s and was killed", reason);
    }

    @Test
    void garbageOutputBecomesReasonWithExitCode() {
        FakeRunner runner = FakeRunner.printing("Picked up _JAVA_OPTIONS: -Xmx1g\nhello\n");

        String reason = probe(ALL_LIBRARIES, runner, true).build().unavailabilityCause();

        assertEquals("CUDA driver probe returned unreadable output (exit code 0: no 'candela-cuda-probe 1' line):"
                + " 'Picked up _JAVA_OPTIONS: -Xmx1g hello'", reason);
    }

    @Test
    void outputCutShortBeforeTheEndLineIsUnreadable() {
        String cut = childOutput(12040, "NVIDIA A10", "8.6", "23836033024").replace("end\n", "");

        String reason = probe(ALL_LIBRARIES, FakeRunner.printing(cut), true).build().unavailabilityCause();

        assertTrue(reason.startsWith("CUDA driver probe returned unreadable output (exit code 0: output stops before"
                + " the 'end' line)"), reason);
    }

    @Test
    void childFailureLineBecomesReason() {
        String out = "candela-cuda-probe 1\nfailure=java.lang.UnsatisfiedLinkError: Error looking up function"
                + " 'cuDriverGetVersion'\nend\n";

        String reason = probe(ALL_LIBRARIES, FakeRunner.printing(out), true).build().unavailabilityCause();

        assertEquals("CUDA driver probe failed: java.lang.UnsatisfiedLinkError: Error looking up function"
                + " 'cuDriverGetVersion'", reason);
    }

    @Test
    void childThatCannotStartBecomesReason() {
        CudaProbe.ProcessRunner failing = (command, timeout) -> {
            throw new IOException("Cannot run program \"java\": error=2, No such file or directory");
        };

        String reason = probe(ALL_LIBRARIES, failing, true).build().unavailabilityCause();

        assertEquals("CUDA driver probe could not start: java.io.IOException: Cannot run program \"java\": error=2,"
                + " No such file or directory", reason);
    }

    @Test
    void unexpectedExceptionNeverEscapesAndKeepsTheCause() {
        CudaProbe.ProcessRunner broken = (command, timeout) -> {
            throw new IllegalStateException("runner broke");
        };

        CudaStatus status = probe(ALL_LIBRARIES, broken, true).build().status();

        assertFalse(status.usable());
        assertEquals("CUDA probe failed: java.lang.IllegalStateException: runner broke", status.reason());
    }

    @Test
    void probesOnceAndReusesTheVerdict() {
        FakeRunner runner = FakeRunner.printing(childOutput(12040, "NVIDIA A10", "8.6", "23836033024"));
        CudaProbe probe = probe(ALL_LIBRARIES, runner, true).build();

        CudaStatus first = probe.status();
        probe.isAvailable();
        probe.unavailabilityCause();

        assertEquals(first, probe.status());
        assertEquals(1, runner.commands.size());
    }

    @Test
    void ensureAvailabilityThrowsWithTheReason() {
        CudaProbe probe = probe(Set.of(), FakeRunner.printing(""), true).build();

        IllegalStateException e = assertThrows(IllegalStateException.class, probe::ensureAvailability);

        assertEquals("CUDA is not usable: no NVIDIA driver (libcuda.so.1 not found)", e.getMessage());
    }

    @Test
    void childRunsThisJvmsJavaOnTheProbeMainWithTheDriverPath() {
        FakeRunner runner = FakeRunner.printing(childOutput(12040));
        probe(ALL_LIBRARIES, runner, true).build().status();

        List<String> command = runner.commands.get(0);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        assertEquals(java.toString(), command.get(0));
        assertEquals(DRIVER.toString(), command.get(command.size() - 1));
        assertEquals(CudaDriverProbeMain.class.getName(), command.get(command.size() - 2));
        String classPath = command.get(command.indexOf("-cp") + 1);
        for (String entry : classPath.split(File.pathSeparator)) {
            assertTrue(Files.exists(Path.of(entry)), entry);
        }
    }

    @Test
    void realChildJvmReportsADriverLibraryThatDoesNotLoad(@TempDir Path dir) throws IOException {
        // A file that exists but is no library: the child must fail to load it and say so, not crash.
        Path fake = Files.writeString(dir.resolve("libcuda.so.1"), "not a shared library");
        CudaProbe probe = CudaProbe.builder()
                .systemProperties(name -> null)
                .operatingSystem("Linux")
                .libraryLocator(name -> name.equals("libcuda.so.1") ? Optional.of(fake) : Optional.empty())
                .build();

        CudaStatus status = probe.status();

        assertFalse(status.usable());
        assertTrue(status.driverPresent());
        assertEquals(fake.toString(), status.driverLibrary());
        assertTrue(status.reason().startsWith("CUDA driver probe failed: java.lang.UnsatisfiedLinkError"),
                status.reason());
        assertTrue(status.reason().contains(fake.toString()), status.reason());
    }

    @Test
    void realProbeOnThisMachineIsUnusableAndSaysWhy() {
        // Core's class path never holds ND4J's CUDA backend, so whatever the hardware, CUDA is not usable here.
        CudaStatus status = CudaProbe.builder().build().status();

        assertFalse(status.usable());
        assertFalse(status.reason().isBlank());
    }
}
