package dev.candela.core.compute;

import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The threads indicator computations are split across, owned and shut down by the Candela runtime.
 *
 * @param executor    where work runs
 * @param parallelism how many pieces of work may run at once
 */
public record ComputePool(Executor executor, int parallelism) {
    public ComputePool {
        Objects.requireNonNull(executor, "executor");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
        }
    }
}
