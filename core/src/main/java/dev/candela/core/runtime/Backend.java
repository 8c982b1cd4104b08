package dev.candela.core.runtime;

/** The backend that actually runs, once {@link BackendSelector} has resolved a request. */
public enum Backend {
    /** The pure-JVM backend. */
    CPU,
    /** The ND4J backend: CUDA on a usable GPU, or nd4j-native when emulated. */
    GPU
}
