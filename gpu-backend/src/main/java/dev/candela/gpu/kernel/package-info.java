/**
 * The GPU backend's device kernels: indicators as whole-matrix ND4J operations over a batch of symbols by
 * bars, running on whichever ND4J backend is loaded (CUDA, or nd4j-native when emulated).
 *
 * <p>Two building blocks carry almost all of the work: {@link dev.candela.gpu.kernel.ChunkedScan} solves the
 * linear recurrences of every EMA and Wilder average as chunked triangular matrix products, and
 * {@link dev.candela.gpu.kernel.RollingWindows} reduces sliding windows by doubling. Neither launches work
 * per bar. {@link dev.candela.gpu.kernel.DeviceKernels} finds a kernel by indicator id.
 */
package dev.candela.gpu.kernel;
