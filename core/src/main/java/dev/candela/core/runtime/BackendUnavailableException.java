package dev.candela.core.runtime;

import dev.candela.core.hardware.CudaStatus;
import java.util.Objects;

/** The GPU backend was requested but cannot run here; the message says why and how to proceed. */
public final class BackendUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient CudaStatus cuda;

    BackendUnavailableException(String message, CudaStatus cuda) {
        super(message);
        this.cuda = Objects.requireNonNull(cuda, "cuda");
    }

    /** The CUDA status that ruled the GPU out. */
    public CudaStatus cuda() {
        return cuda;
    }
}
