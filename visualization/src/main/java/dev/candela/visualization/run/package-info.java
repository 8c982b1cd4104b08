/**
 * What dashboards show, read from a training run folder: {@link dev.candela.visualization.run.TrainingRun}
 * (from {@code events.jsonl}, or recorded live by {@link dev.candela.visualization.run.TrainingRunRecorder})
 * and the optimizer's {@link dev.candela.visualization.run.OptimizerReport}. Bad content fails with a
 * {@link dev.candela.visualization.run.RunDataException} naming the file, the line and the key.
 */
package dev.candela.visualization.run;
