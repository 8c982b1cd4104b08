/**
 * Runnable examples, each a {@code candela example NAME} command whose source is meant to be read: a
 * strategy embedding Candela (streaming indicators, a trained model's signal, a backtest), progressive
 * training under the profiler, a memory-bounded chart of a very long series, and system resource
 * reporting.
 */
package dev.candela.examples;
