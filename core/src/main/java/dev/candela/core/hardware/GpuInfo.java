package dev.candela.core.hardware;

import java.util.Objects;

/**
 * A graphics card as the operating system lists it, whether or not CUDA can use it.
 *
 * @param name        the card's name, e.g. {@code "GA102 [GeForce RTX 3090]"}
 * @param vendor      the vendor, e.g. {@code "NVIDIA Corporation"}
 * @param vramBytes   video memory in bytes; 0 where the operating system does not tell
 * @param deviceId    the PCI or platform device id, empty when unknown
 * @param versionInfo driver or firmware version text, empty when unknown
 */
public record GpuInfo(String name, String vendor, long vramBytes, String deviceId, String versionInfo) {

    public GpuInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(vendor, "vendor");
        deviceId = deviceId == null ? "" : deviceId;
        versionInfo = versionInfo == null ? "" : versionInfo;
        if (vramBytes < 0) {
            throw new IllegalArgumentException("vramBytes must not be negative: " + vramBytes);
        }
    }
}
