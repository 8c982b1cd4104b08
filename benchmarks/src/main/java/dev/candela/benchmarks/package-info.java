/**
 * JMH benchmarks of Candela's CPU indicators against TA-Lib's Java port and ta4j, and the report that
 * turns JMH's JSON results into the tables of the README.
 *
 * <p>Every ratio in a table comes from one JMH run: the compared implementations are values of one
 * {@code @Param} of one benchmark, computed over the same seeded synthetic bars and timed under the same
 * settings. {@link dev.candela.benchmarks.SingleSeriesBenchmark} times one long series on one thread,
 * {@link dev.candela.benchmarks.BatchBenchmark} many symbols on one and two threads, and both time a
 * memory floor (a pass that only moves the same arrays) so that a score can be read against what the
 * machine's memory allows. {@link dev.candela.benchmarks.BenchmarkReport} prints the tables.
 */
package dev.candela.benchmarks;
