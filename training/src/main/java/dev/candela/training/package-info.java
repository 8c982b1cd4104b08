/**
 * Progressive bucket training with Deeplearning4j: {@link dev.candela.training.ProgressiveTrainer} (the
 * {@code progressive} trainer), its configuration {@link dev.candela.training.TrainingSettings}, the feature
 * table it trains on ({@link dev.candela.training.TrainingData}) and the run folder's event log
 * ({@link dev.candela.training.EventLogListener}).
 */
package dev.candela.training;
