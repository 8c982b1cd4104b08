/**
 * Tests of the GPU backend that need both backends: its ND4J path, emulated on nd4j-native, against the CPU
 * backend and against exact arithmetic on the real market files, its per-indicator CPU path, its
 * single-precision bounds and {@code candela gpu-check}.
 */
package dev.candela.examples.gpu;
