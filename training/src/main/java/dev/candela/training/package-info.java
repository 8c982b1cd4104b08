/**
 * Progressive bucket training with Deeplearning4j: {@link dev.candela.training.ProgressiveTrainer} (the
 * {@code progressive} trainer), its configuration {@link dev.candela.training.TrainingSettings}, the feature
 * table it trains on ({@link dev.candela.training.TrainingData}), the run folder's event log
 * ({@link dev.candela.training.EventLogListener}), the model a run produced for strategies
 * ({@link dev.candela.training.TrainedModel}) and the trading evaluation with fees
 * ({@link dev.candela.training.Backtest}).
 */
package dev.candela.training;
