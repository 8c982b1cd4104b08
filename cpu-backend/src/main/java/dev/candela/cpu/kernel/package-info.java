/**
 * Allocation-free array kernels shared by the CPU indicators: one implementation of each formula.
 */
package dev.candela.cpu.kernel;
