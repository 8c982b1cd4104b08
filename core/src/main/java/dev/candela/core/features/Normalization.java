package dev.candela.core.features;

/** How {@link NormalizationStats} rescale feature columns. */
public enum Normalization {
    /** {@code (x - mean) / standard deviation}, the deviation over the fitted rows (population). */
    ZSCORE,
    /** {@code (x - min) / (max - min)}: the fitted rows span [0, 1], later rows may fall outside. */
    MINMAX
}
