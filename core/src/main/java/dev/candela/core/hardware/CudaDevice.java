package dev.candela.core.hardware;

import java.util.Objects;

/**
 * A CUDA device as the NVIDIA driver reports it.
 *
 * @param index                  the device ordinal, as CUDA numbers it (after {@code CUDA_VISIBLE_DEVICES})
 * @param name                   e.g. {@code "NVIDIA A100-SXM4-40GB"}
 * @param computeCapabilityMajor e.g. 8 for compute capability 8.6
 * @param computeCapabilityMinor e.g. 6 for compute capability 8.6
 * @param totalMemoryBytes       device memory in bytes
 */
public record CudaDevice(
        int index, String name, int computeCapabilityMajor, int computeCapabilityMinor, long totalMemoryBytes) {

    public CudaDevice {
        Objects.requireNonNull(name, "name");
        if (index < 0 || computeCapabilityMajor < 0 || computeCapabilityMinor < 0 || totalMemoryBytes < 0) {
            throw new IllegalArgumentException("negative device index, compute capability or memory: index="
                    + index + ", cc=" + computeCapabilityMajor + "." + computeCapabilityMinor
                    + ", memory=" + totalMemoryBytes);
        }
    }

    /** The compute capability as CUDA writes it, e.g. {@code "8.6"}. */
    public String computeCapability() {
        return computeCapabilityMajor + "." + computeCapabilityMinor;
    }

    /** Compute capability as one comparable number: 8.6 becomes 86. */
    int computeCapabilityCode() {
        return computeCapabilityMajor * 10 + computeCapabilityMinor;
    }
}
