/** Candela's GPU backend, built on ND4J: CUDA on a supported NVIDIA GPU, nd4j-native when emulated. */
package dev.candela.gpu;
