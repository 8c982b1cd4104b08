package dev.candela.spi;

/**
 * The performance optimizer: profiles functions, watches resources and acts under pressure through the
 * hooks other parts register. One instance per Candela runtime, which closes it.
 */
public interface Optimizer extends AutoCloseable {

    String id();

    /** The profiler that instrumented code times itself with; disabled profilers cost next to nothing. */
    Profiler profiler();

    /** Registers something that can free memory when asked (a cache, a workspace pool). */
    void register(MemoryReclaimer reclaimer);

    /** Registers a batch size the optimizer may reduce under pressure. */
    void register(BatchSizeControl control);

    /** Registers a source of device-memory readings (the GPU backend). */
    void register(DeviceMemoryGauge gauge);

    /** Starts background monitoring; idempotent. */
    void start();

    /** Stops monitoring and releases every thread and resource. */
    @Override
    void close();
}
