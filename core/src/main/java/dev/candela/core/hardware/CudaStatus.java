package dev.candela.core.hardware;

import java.util.List;
import java.util.Objects;

/**
 * Whether Candela's GPU backend can run here, why, and what the NVIDIA driver reported.
 *
 * @param usable        true when the driver, a supported device, the CUDA libraries and the ND4J CUDA
 *                      backend are all present
 * @param reason        one line a person can act on; for a usable status it summarises the devices
 * @param driverPresent true when the NVIDIA driver library was found
 * @param driverLibrary where the driver library was found, empty when it was not
 * @param driverVersion the CUDA version the driver supports, e.g. {@code "12.4"}, empty when unknown
 * @param deviceCount   the number of CUDA devices the driver reported (0 when it was not asked)
 * @param devices       the devices, in ordinal order
 */
public record CudaStatus(
        boolean usable,
        String reason,
        boolean driverPresent,
        String driverLibrary,
        String driverVersion,
        int deviceCount,
        List<CudaDevice> devices) {

    public CudaStatus {
        Objects.requireNonNull(reason, "reason");
        driverLibrary = driverLibrary == null ? "" : driverLibrary;
        driverVersion = driverVersion == null ? "" : driverVersion;
        devices = devices == null ? List.of() : List.copyOf(devices);
        if (deviceCount < 0) {
            throw new IllegalArgumentException("deviceCount must not be negative: " + deviceCount);
        }
    }

    /** A status for a machine where CUDA was not examined further than the given reason. */
    public static CudaStatus unavailable(String reason) {
        return new CudaStatus(false, reason, false, "", "", 0, List.of());
    }
}
