/**
 * Candela's GPU backend, built on ND4J: CUDA on a supported NVIDIA GPU, nd4j-native when emulated.
 *
 * <p>{@link dev.candela.gpu.GpuBackendModule} binds the compute path, which runs indicators with a device
 * kernel ({@link dev.candela.gpu.kernel}) as memory-planned batches of symbols and everything else on the
 * CPU path. {@link dev.candela.gpu.GpuSelfCheck} and {@link dev.candela.gpu.DeviceAgreement} compare it with
 * the CPU path, for {@code candela gpu-check} and for tests.
 */
package dev.candela.gpu;
