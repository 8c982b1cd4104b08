/**
 * Candela's performance optimizer: {@link dev.candela.optimizer.OptimizerModule} turns it on in a runtime,
 * {@link dev.candela.optimizer.PerformanceOptimizer} profiles sections (programmatically, through
 * {@link dev.candela.optimizer.Profiled} methods, as JFR events and optionally in Micrometer), samples CPU,
 * memory, GC, off-heap, disk and GPU memory on a daemon thread, frees memory and shrinks batches under
 * pressure, and turns what it saw into suggestions and a JSON report.
 */
package dev.candela.optimizer;
