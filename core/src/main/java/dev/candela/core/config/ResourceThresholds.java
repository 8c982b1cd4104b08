package dev.candela.core.config;

/**
 * The {@code optimizer.thresholds} section: utilisation, as fractions in (0, 1], above which the
 * optimizer stops adding work. {@code null} means "derive from the hardware".
 *
 * @param cpu       CPU utilisation
 * @param memory    heap and physical memory utilisation
 * @param gpuMemory device memory utilisation
 */
public record ResourceThresholds(Double cpu, Double memory, Double gpuMemory) {

    public ResourceThresholds {
        Validation.optionalFraction("optimizer.thresholds.cpu", cpu);
        Validation.optionalFraction("optimizer.thresholds.memory", memory);
        Validation.optionalFraction("optimizer.thresholds.gpuMemory", gpuMemory);
    }

    /** All thresholds derived from the hardware. */
    public static ResourceThresholds derived() {
        return new ResourceThresholds(null, null, null);
    }
}
