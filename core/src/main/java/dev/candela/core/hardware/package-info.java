/**
 * What the machine offers: CPU, memory, graphics cards and whether CUDA can actually run Candela's GPU
 * backend.
 *
 * <p>{@link dev.candela.core.hardware.HardwareProbe} produces an immutable
 * {@link dev.candela.core.hardware.HardwareReport}; {@link dev.candela.core.hardware.CudaProbe} decides
 * CUDA usability without ever risking the JVM, by running the driver calls in a child JVM. Probes never
 * throw: a failure becomes a recorded reason. Everything here depends on the JDK, Oshi, JNA and Jackson
 * annotations only.
 */
package dev.candela.core.hardware;
