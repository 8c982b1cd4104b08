package dev.candela.gpu;

import java.util.List;
import java.util.Locale;

/**
 * Recognises an allocation failure in whatever form ND4J reports it: {@link OutOfMemoryError} from
 * JavaCPP's limits or from a workspace, and runtime exceptions whose message (anywhere along the cause
 * chain) is CUDA's, cuBLAS's or ND4J's allocator's.
 */
final class OutOfDeviceMemory {
    private static final List<String> MESSAGES = List.of(
            "out of memory",
            "outofmemory",
            "failed to allocate",
            "cannot allocate",
            "cudaerrormemoryallocation",
            "cublas_status_alloc_failed",
            "memory allocation failed");
    private static final int MAX_CAUSES = 16;

    private OutOfDeviceMemory() {
    }

    static boolean isCause(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
            String message = t.getMessage();
            if (message != null) {
                String lower = message.toLowerCase(Locale.ROOT);
                for (String known : MESSAGES) {
                    if (lower.contains(known)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
