package dev.candela.core.hardware;

import java.util.Locale;
import java.util.Optional;

/**
 * File names of the native libraries ND4J's CUDA 11.6 backend loads, per operating system.
 *
 * @param driver   the NVIDIA driver API library
 * @param cublas   cuBLAS from CUDA 11
 * @param cusolver cuSOLVER from CUDA 11
 */
record CudaLibraryNames(String driver, String cublas, String cusolver) {

    static final CudaLibraryNames LINUX = new CudaLibraryNames("libcuda.so.1", "libcublas.so.11", "libcusolver.so.11");
    static final CudaLibraryNames WINDOWS = new CudaLibraryNames("nvcuda.dll", "cublas64_11.dll", "cusolver64_11.dll");

    /** The names for {@code osName} (as in {@code os.name}); empty where NVIDIA ships no CUDA driver. */
    static Optional<CudaLibraryNames> forOperatingSystem(String osName) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("linux")) {
            return Optional.of(LINUX);
        }
        if (os.startsWith("windows")) {
            return Optional.of(WINDOWS);
        }
        return Optional.empty();
    }
}
