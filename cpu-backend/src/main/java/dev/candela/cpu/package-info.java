/**
 * Candela's CPU backend: the first-party indicator library (TA-Lib-exact, batched and streaming) and
 * the Guice module that wires the CPU compute path.
 */
package dev.candela.cpu;
