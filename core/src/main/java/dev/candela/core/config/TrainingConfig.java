package dev.candela.core.config;

/**
 * The {@code training} section.
 *
 * @param threads threads for model training, at least 1; {@code null} derives them from the hardware
 */
public record TrainingConfig(Integer threads) {

    public TrainingConfig {
        Validation.optionalCount("training.threads", threads);
    }

    public static TrainingConfig defaults() {
        return new TrainingConfig(null);
    }
}
