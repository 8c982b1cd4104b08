package dev.candela.core.features.cache;

/**
 * The floating-point precision features were computed in. Part of every {@link FeatureKey}, because a
 * backend computing in single precision gives different values from one computing in double.
 */
public enum Precision {
    /** 64-bit IEEE 754, the CPU backend and the GPU backend by default. */
    DOUBLE,
    /** 32-bit IEEE 754, the GPU backend with {@code gpu.float32} set. */
    FLOAT
}
