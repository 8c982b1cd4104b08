/**
 * Computing indicators over batches: the {@link dev.candela.core.compute.ComputeBackend} that the chosen
 * backend binds, and the parallel CPU path every backend can fall back to.
 */
package dev.candela.core.compute;
