package dev.candela.core.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class DriverProbeOutputTest {

    @Test
    void readsDevicesAfterNoiseBeforeTheHeader() {
        String out = """
                Picked up JAVA_TOOL_OPTIONS: -Dfile.encoding=UTF-8
                candela-cuda-probe 1
                driver.version=12020
                init=0 CUDA_SUCCESS
                device.count=2
                device.0.name=NVIDIA A100-SXM4-80GB
                device.0.capability=8.0
                device.0.memory=85899345920
                device.1.name=NVIDIA A100-SXM4-80GB
                device.1.capability=8.0
                device.1.memory=85899345920
                end
                """;

        DriverProbeOutput parsed = DriverProbeOutput.parse(out);

        assertEquals(12020, parsed.driverVersion());
        assertEquals(0, parsed.initResult());
        assertEquals("CUDA_SUCCESS", parsed.initResultName());
        assertNull(parsed.failure());
        assertEquals(List.of(new CudaDevice(0, "NVIDIA A100-SXM4-80GB", 8, 0, 85899345920L),
                new CudaDevice(1, "NVIDIA A100-SXM4-80GB", 8, 0, 85899345920L)), parsed.devices());
    }

    @Test
    void nameMayContainEqualsSigns() {
        String out = "candela-cuda-probe 1\ndriver.version=12000\ninit=0 CUDA_SUCCESS\ndevice.count=1\n"
                + "device.0.name=GPU a=b\ndevice.0.capability=7.5\ndevice.0.memory=1\nend\n";

        assertEquals("GPU a=b", DriverProbeOutput.parse(out).devices().get(0).name());
    }

    @Test
    void rejectsMissingDeviceField() {
        String out = "candela-cuda-probe 1\ndriver.version=12000\ninit=0 CUDA_SUCCESS\ndevice.count=1\n"
                + "device.0.name=GPU\ndevice.0.memory=1\nend\n";

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DriverProbeOutput.parse(out));
        assertEquals("missing 'device.0.capability'", e.getMessage());
    }

    @Test
    void rejectsNonNumericVersion() {
        String out = "candela-cuda-probe 1\ndriver.version=twelve\ninit=0 CUDA_SUCCESS\ndevice.count=0\nend\n";

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DriverProbeOutput.parse(out));
        assertEquals("bad number for 'driver.version': 'twelve'", e.getMessage());
    }

    @Test
    void rejectsLinesThatAreNotKeyValue() {
        String out = "candela-cuda-probe 1\nSegmentation fault\nend\n";

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DriverProbeOutput.parse(out));
        assertEquals("unexpected line 'Segmentation fault'", e.getMessage());
    }

    @Test
    void rejectsOutputWithNeitherResultNorFailure() {
        assertThrows(IllegalArgumentException.class,
                () -> DriverProbeOutput.parse("candela-cuda-probe 1\ndriver.version=12000\nend\n"));
    }

    @Test
    void writesDriverVersionsAsCudaDoes() {
        assertEquals("12.4", DriverProbeOutput.cudaVersion(12040));
        assertEquals("11.6", DriverProbeOutput.cudaVersion(11060));
        assertEquals("10.2", DriverProbeOutput.cudaVersion(10020));
        assertEquals("", DriverProbeOutput.cudaVersion(-1));
    }
}
