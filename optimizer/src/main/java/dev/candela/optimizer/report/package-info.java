/**
 * The optimizer's report: a versioned JSON document (schema {@code candela-optimizer-report}) with the
 * profile table, the resource summary and time series, the actions taken and the suggestions made, read
 * and written by {@link dev.candela.optimizer.report.OptimizerReport}.
 */
package dev.candela.optimizer.report;
