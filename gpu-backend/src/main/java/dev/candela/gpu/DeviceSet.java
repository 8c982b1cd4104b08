package dev.candela.gpu;

/**
 * The devices the GPU backend can place work on, and their memory as it stands now. On CUDA these are the
 * GPUs ND4J sees; on nd4j-native (emulation) there is one "device", the host, whose memory is RAM.
 */
interface DeviceSet {

    /** How many devices there are; at least 1. */
    int count();

    /** Bytes free on {@code device} now. */
    long freeBytes(int device);

    /** Bytes the device has in all. */
    long totalBytes(int device);

    /** Whether the device's memory is host memory (nd4j-native), which changes how much headroom it needs. */
    boolean hostMemory();

    /** Binds the calling thread to {@code device}, so that the arrays it creates live there. */
    void attach(int device);

    /** One line for logs, e.g. {@code "2 CUDA devices"}. */
    String describe();
}
