package dev.candela.gpu;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutOfDeviceMemoryTest {

    @Test
    void recognisesTheWaysNd4jReportsAnAllocationFailure() {
        assertTrue(OutOfDeviceMemory.isCause(new OutOfMemoryError("Physical memory usage is too high")));
        assertTrue(OutOfDeviceMemory.isCause(new RuntimeException("Failed to allocate 800000000 bytes from DEVICE [0] memory")));
        assertTrue(OutOfDeviceMemory.isCause(new IllegalStateException("op failed",
                new RuntimeException("CUDA error at matmul: cudaErrorMemoryAllocation"))));
        assertTrue(OutOfDeviceMemory.isCause(new RuntimeException("cuBLAS call failed: CUBLAS_STATUS_ALLOC_FAILED")));
        assertTrue(OutOfDeviceMemory.isCause(new RuntimeException("CUDA error: out of memory")));
    }

    @Test
    void doesNotMistakeOtherFailuresForIt() {
        assertFalse(OutOfDeviceMemory.isCause(new IllegalArgumentException("shapes [2, 3] and [4, 5] do not match")));
        assertFalse(OutOfDeviceMemory.isCause(new RuntimeException("cudaGetSymbolAddress(...) failed; Error code: [13]")));
        assertFalse(OutOfDeviceMemory.isCause(new NullPointerException()));
    }
}
