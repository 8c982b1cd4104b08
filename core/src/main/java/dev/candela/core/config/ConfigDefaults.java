package dev.candela.core.config;

/**
 * Every configuration default, in one place. Keys that default to "derive from the hardware" (threads,
 * resource thresholds) and the backend (whose default, {@code auto}, applies only after system
 * property and environment have been consulted) default to {@code null} and are not listed here.
 */
final class ConfigDefaults {

    /** Fraction of device memory left free for the driver, cuBLAS workspaces and other processes. */
    static final double GPU_MEMORY_HEADROOM_FRACTION = 0.10;
    /** Double precision by default so that GPU results agree with the CPU backend to the last digits. */
    static final boolean GPU_FLOAT32 = false;
    static final long CACHE_MAX_BYTES = 512L * 1024 * 1024;
    static final long OPTIMIZER_SAMPLE_INTERVAL_MILLIS = 1_000;

    private ConfigDefaults() {
    }
}
