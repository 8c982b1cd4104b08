package dev.candela.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code gpu} section.
 *
 * @param memoryHeadroomFraction fraction of device memory never handed to Candela's buffers, in (0, 1]
 * @param float32                compute in single precision (much faster on consumer GPUs, about seven
 *                               significant digits) instead of double
 */
public record GpuConfig(double memoryHeadroomFraction, boolean float32) {

    public GpuConfig {
        Validation.fraction("gpu.memoryHeadroomFraction", memoryHeadroomFraction);
    }

    public static GpuConfig defaults() {
        return fromJson(null, null);
    }

    public GpuConfig withMemoryHeadroomFraction(double fraction) {
        return new GpuConfig(fraction, float32);
    }

    public GpuConfig withFloat32(boolean enabled) {
        return new GpuConfig(memoryHeadroomFraction, enabled);
    }

    @JsonCreator
    static GpuConfig fromJson(@JsonProperty("memoryHeadroomFraction") Double memoryHeadroomFraction,
            @JsonProperty("float32") Boolean float32) {
        return new GpuConfig(
                memoryHeadroomFraction != null ? memoryHeadroomFraction : ConfigDefaults.GPU_MEMORY_HEADROOM_FRACTION,
                float32 != null ? float32 : ConfigDefaults.GPU_FLOAT32);
    }
}
