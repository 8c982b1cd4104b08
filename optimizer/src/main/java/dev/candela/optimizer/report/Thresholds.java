package dev.candela.optimizer.report;

/**
 * The utilisation limits the optimizer acted on, each a fraction in (0, 1].
 *
 * @param cpu       CPU load above which the machine counts as saturated
 * @param memory    heap or physical memory utilisation above which caches are trimmed
 * @param gpuMemory device memory utilisation above which batches shrink
 * @param derived   whether any of them was derived from the hardware rather than configured
 */
public record Thresholds(double cpu, double memory, double gpuMemory, boolean derived) {

    public Thresholds {
        check("cpu", cpu);
        check("memory", memory);
        check("gpuMemory", gpuMemory);
    }

    private static void check(String name, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException("threshold " + name + " must be in (0, 1], was " + value);
        }
    }
}
