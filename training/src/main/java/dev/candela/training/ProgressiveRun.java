package dev.candela.training;

import dev.candela.spi.FeatureTable;
import dev.candela.spi.MemoryReclaimer;
import dev.candela.spi.Profiler;
import dev.candela.spi.TrainingListener;
import dev.candela.spi.TrainingListener.BucketEnded;
import org.deeplearning4j.earlystopping.EarlyStoppingConfiguration;
import org.deeplearning4j.earlystopping.EarlyStoppingResult;
import org.deeplearning4j.earlystopping.listener.EarlyStoppingListener;
import org.deeplearning4j.earlystopping.termination.MaxEpochsTerminationCondition;
import org.deeplearning4j.earlystopping.termination.ScoreImprovementEpochTerminationCondition;
import org.deeplearning4j.earlystopping.trainer.EarlyStoppingTrainer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.common.primitives.Pair;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.MemoryWorkspaceManager;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One run of {@link ProgressiveTrainer}: the bucket loop, from the first unfinished bucket to the last. */
@SuppressWarnings("try") // profiler scopes time their try blocks and are not read inside them
final class ProgressiveRun {
    private static final Logger LOG = LoggerFactory.getLogger(ProgressiveRun.class);
    /**
     * Values (32-bit floats, 16 MB) that one layer of an evaluation pass may hold: evaluation has no
     * gradients, so a bucket of ordinary size goes through in one pass. Every {@code output} call has a
     * fixed cost of its own (workspaces, op set-up), and cutting a 3,190-row MLP bucket into passes of 1,024
     * rows and stacking them took three times as long as one pass.
     */
    private static final long EVALUATION_VALUES = 1L << 22;

    private final FeatureTable table;
    private final TrainingSettings settings;
    private final List<BucketPlan.Bucket> plan;
    private final RunFolder folder;
    private final TrainingListener events;
    private final Profiler profiler;
    private final MemoryGauge memory;
    private final MiniBatchSize batchSize;
    private final BucketDatasetCache cache;
    private final String runId;
    private final boolean classification;
    private final Backtest backtest;
    /** Examples per evaluation pass. */
    private final int evaluationRows;

    /** The model carried from bucket to bucket, and the normaliser fitted with it. */
    private MultiLayerNetwork model;
    private NormalizerStandardize normalizer;
    private MultiLayerNetwork baselineModel;
    private NormalizerStandardize baselineNormalizer;
    private int lastFinished = -1;
    private CheckpointWriter checkpoints;

    ProgressiveRun(FeatureTable table, TrainingSettings settings, List<BucketPlan.Bucket> plan, RunFolder folder,
                   TrainingListener events, Profiler profiler, MemoryGauge memory, MiniBatchSize batchSize,
                   BucketDatasetCache cache) {
        this.table = table;
        this.settings = settings;
        this.plan = plan;
        this.folder = folder;
        this.events = events;
        this.profiler = profiler;
        this.memory = memory;
        this.batchSize = batchSize;
        this.cache = cache;
        Path name = folder.directory().toAbsolutePath().normalize().getFileName();
        this.runId = name == null ? "run" : name.toString();
        this.classification = settings.model().task() == TrainingSettings.Task.CLASSIFICATION;
        this.backtest = new Backtest(table.horizon(), settings.evaluation().feeRate());
        this.evaluationRows = evaluationRows(settings.model(), table.featureNames().size());
    }

    /**
     * Examples per evaluation pass: as many as keep the widest layer (or the input) within
     * {@link #EVALUATION_VALUES} values over the example's time steps, at least 256.
     */
    static int evaluationRows(TrainingSettings.Model model, int featureCount) {
        long widest = featureCount;
        for (TrainingSettings.Layer layer : model.layers()) {
            widest = Math.max(widest, layer.size());
        }
        return (int) Math.max(256, Math.min(Integer.MAX_VALUE, EVALUATION_VALUES / (widest * model.span())));
    }

    TrainingListener.RunEnded run() throws IOException {
        List<BucketEnded> finished = new ArrayList<>(folder.readProgress());
        int first = finished.size();
        events.onRunStart(new TrainingListener.RunStarted(runId, ProgressiveTrainer.ID, plan.size(), first,
                System.currentTimeMillis()));
        try (CheckpointWriter writer = new CheckpointWriter()) {
            checkpoints = writer;
            try {
                if (first > 0 && first < plan.size()) {
                    restore(first - 1);
                }
                for (int k = first; k < plan.size(); k++) {
                    try (Profiler.Scope bucketScope = profiler.scope("training.bucket")) {
                        BucketEnded ended = bucket(plan.get(k), finished);
                        lastFinished = k;
                        finished.add(ended);
                        events.onBucketEnd(ended);
                    }
                    try (Profiler.Scope scope = profiler.scope("training.release")) {
                        releaseBetweenBuckets();
                    }
                }
                try (Profiler.Scope scope = profiler.scope("training.checkpoint.wait")) {
                    writer.awaitAll(events::onCheckpoint);
                }
            } catch (UncheckedIOException wrapped) {
                // A checkpoint that failed while a bucket trained, raised through DL4J's epoch listener.
                IOException failure = wrapped.getCause();
                stopShort(failure, writer, finished, first);
                throw failure;
            } catch (RuntimeException | Error | IOException failure) {
                stopShort(failure, writer, finished, first);
                throw failure;
            }
        }
        try (Profiler.Scope scope = profiler.scope("training.summary")) {
            TrainingListener.RunEnded end = new TrainingListener.RunEnded(runId, folder.directory(), finished,
                    summarize(finished), true);
            writeSummary(end);
            events.onRunEnd(end);
            return end;
        }
    }

    /**
     * After {@code failure}: lets the checkpoints already queued land, then records how far the run got on
     * disk ({@code summary.json}, run-ended event). Problems on the way are added to {@code failure}.
     */
    private void stopShort(Throwable failure, CheckpointWriter writer, List<BucketEnded> finished, int first) {
        try {
            writer.awaitAll(events::onCheckpoint);
        } catch (IOException | RuntimeException | Error secondary) {
            failure.addSuppressed(secondary);
        }
        List<BucketEnded> onDisk = List.copyOf(finished.subList(0, first + writer.written()));
        TrainingListener.RunEnded partial = new TrainingListener.RunEnded(runId, folder.directory(), onDisk,
                summarize(onDisk), false);
        try {
            writeSummary(partial);
            events.onRunEnd(partial);
        } catch (IOException | RuntimeException secondary) {
            failure.addSuppressed(secondary);
        }
    }

    /**
     * Tells the listeners, on this (the training) thread, of the checkpoints written so far; raises a failure
     * of the writer.
     */
    private void reportCheckpoints() throws IOException {
        checkpoints.completed(events::onCheckpoint);
    }

    /**
     * Between buckets: the datasets of finished buckets are never read again, so they leave the cache, and
     * this thread's ND4J workspaces, sized for the last bucket's shapes, are destroyed one by one (which
     * frees their native memory); the next fit opens its own. Not through
     * {@code destroyAllWorkspacesForCurrentThread()}: that also forces a full {@code System.gc()}, which cost
     * about 60 ms per bucket, more than the rest of the bucket's bookkeeping together.
     */
    private void releaseBetweenBuckets() {
        long released = cache.evictUpTo(lastFinished);
        MemoryWorkspaceManager workspaces = Nd4j.getWorkspaceManager();
        for (MemoryWorkspace workspace : List.copyOf(workspaces.getAllWorkspacesForCurrentThread())) {
            workspaces.destroyWorkspace(workspace);
        }
        LOG.debug("Released {} bytes of finished buckets' datasets and this thread's workspaces", released);
    }

    private void restore(int bucket) throws IOException {
        Pair<MultiLayerNetwork, NormalizerStandardize> saved = RunFolder.readModel(folder.checkpoint(bucket));
        model = saved.getFirst();
        normalizer = saved.getSecond();
        if (settings.baseline().enabled()) {
            Pair<MultiLayerNetwork, NormalizerStandardize> base = RunFolder.readModel(folder.baseline(bucket));
            baselineModel = base.getFirst();
            baselineNormalizer = base.getSecond();
        }
        LOG.info("Resuming after bucket {} from {}", bucket, folder.checkpoint(bucket));
    }

    private BucketEnded bucket(BucketPlan.Bucket bucket, List<BucketEnded> finished) throws IOException {
        int k = bucket.index();
        reportCheckpoints();
        events.onBucketStart(new TrainingListener.BucketStarted(k, plan.size(), bucket.fromMillis(), bucket.toMillis(),
                bucket.trainRows().length, bucket.validationRows().length));
        BucketDatasetCache.Entry raw = cache.get(k, () -> profiler.time("training.dataset",
                () -> new BucketDatasetCache.Entry(Datasets.of(table, bucket.trainRows(), settings.model()),
                        Datasets.of(table, bucket.validationRows(), settings.model()))));
        Map<String, Double> metrics = new TreeMap<>();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("bucket", k);
        details.put("fromMillis", bucket.fromMillis());
        details.put("toMillis", bucket.toMillis());
        details.put("trainRows", bucket.trainRows().length);
        details.put("validationRows", bucket.validationRows().length);
        details.put("volatility", bucket.volatility());
        metrics.put("volatility", bucket.volatility());

        try (Profiler.Scope scope = profiler.scope("training.evaluate")) {
            putAll(metrics, "buyhold.", trade(backtest.buyAndHold(table, bucket.allRows())));
            DataSet rows = null;
            if (model != null) {
                rows = normalizedRows(normalizer, raw);
                details.put("oos", evaluate(model, normalizer, rows, bucket, metrics, "oos.", "trade."));
            }
            if (baselineModel != null) {
                // The baseline was fitted on the same bucket as the model, with the same normaliser.
                DataSet baselineRows = rows != null && baselineNormalizer == normalizer ? rows
                        : normalizedRows(baselineNormalizer, raw);
                details.put("baseline.oos", evaluate(baselineModel, baselineNormalizer, baselineRows, bucket, metrics,
                        "baseline.oos.", "baseline.trade."));
            }
        }

        NormalizerStandardize fitted = new NormalizerStandardize();
        if (!classification) {
            fitted.fitLabel(true);
        }
        fitted.fit(raw.train());
        DataSet train = normalized(fitted, raw.train());
        DataSet validation = normalized(fitted, raw.validation());

        MultiLayerNetwork start = model == null || !settings.transfer().enabled()
                ? Networks.create(settings.model(), table.featureNames().size(), table.classCount(), seed(k, 1))
                : transfer(k);
        Nd4j.getRandom().setSeed(seed(k, 2));
        FitOutcome fit;
        try (Profiler.Scope scope = profiler.scope("training.fit")) {
            fit = fit(k, start, train, validation, true);
        }
        model = fit.best();
        normalizer = fitted;
        metrics.put("epochsToConverge", (double) fit.bestEpoch());
        details.put("val", validationMetrics(fit.validationOutputs(), validation, metrics, "val."));

        if (settings.baseline().enabled()) {
            if (k == 0 || !settings.transfer().enabled()) {
                // Bucket 0 starts from scratch anyway: the baseline is the model itself.
                baselineModel = model;
                metrics.put("baseline.epochsToConverge", (double) fit.bestEpoch());
                metrics.put("baseline.val.accuracy", metrics.getOrDefault("val.accuracy", Double.NaN));
                metrics.put("baseline.val.loss", metrics.get("val.loss"));
            } else {
                Nd4j.getRandom().setSeed(seed(k, 4));
                FitOutcome base;
                try (Profiler.Scope scope = profiler.scope("training.baseline")) {
                    base = fit(k, Networks.create(settings.model(), table.featureNames().size(), table.classCount(),
                            seed(k, 3)), train, validation, false);
                }
                baselineModel = base.best();
                metrics.put("baseline.epochsToConverge", (double) base.bestEpoch());
                details.put("baseline.val", validationMetrics(base.validationOutputs(), validation, metrics,
                        "baseline.val."));
            }
            baselineNormalizer = fitted;
        }

        BucketEnded ended = new BucketEnded(k, fit.epochs(), metrics);
        try (Profiler.Scope scope = profiler.scope("training.checkpoint")) {
            checkpoint(k, ended, details, finished);
        }
        return ended;
    }

    private MultiLayerNetwork transfer(int k) {
        try (Profiler.Scope scope = profiler.scope("training.transfer")) {
            long parameterBytes = model.numParams() * model.params().dataType().width();
            INDArray state = model.getUpdater() == null ? null : model.getUpdater().getStateViewArray();
            long updaterBytes = state == null ? 0 : state.length() * state.dataType().width();
            double headroom = settings.memory().headroom();
            TransferPlanner.Decision decision = TransferPlanner.decide(parameterBytes, updaterBytes, headroom,
                    memory.read());
            String suffix = "";
            if (!decision.fits()) {
                long released = cache.reclaim(MemoryReclaimer.Pressure.CRITICAL);
                LOG.warn("Memory is short before the transfer to bucket {} ({}); released {} bytes of cached datasets",
                        k, decision.reason(), released);
                decision = TransferPlanner.decide(parameterBytes, updaterBytes, headroom, memory.read());
                suffix = "+cache-released";
                if (!decision.fits()) {
                    throw new IllegalStateException("not enough memory to carry the model to bucket " + k + ": "
                            + decision.reason() + "; buckets up to " + (k - 1) + " are checkpointed, resume with more "
                            + "memory or a smaller model");
                }
            }
            if (decision.mode() != TransferPlanner.Mode.FULL) {
                LOG.warn("Transfer to bucket {} without updater state: {}", k, decision.reason());
            }
            double learningRate = settings.model().learningRate() * Math.pow(settings.transfer().learningRateDecay(), k);
            MultiLayerNetwork next = Networks.transferred(model, settings, learningRate, seed(k, 1));
            long bytes = parameterBytes;
            INDArray nextState = next.getUpdater() == null ? null : next.getUpdater().getStateViewArray();
            String mode = decision.mode().id();
            if (decision.mode() == TransferPlanner.Mode.FULL) {
                if (state != null && nextState != null && copyUpdaterState(model, next)) {
                    bytes += updaterBytes;
                } else if (nextState != null && nextState.length() > 0) {
                    // The updaters keep different state per parameter (another updater kind): start afresh.
                    mode = TransferPlanner.Mode.PARAMETERS_ONLY.id() + "+updater-changed";
                    next = withFreshUpdater(next);
                }
            } else {
                next = withFreshUpdater(next);
            }
            events.onTransfer(new TrainingListener.TransferDone(k - 1, k, mode + suffix, bytes));
            return next;
        }
    }

    /**
     * Copies the updater state (e.g. Adam's moments) of {@code from} into {@code to}, parameter by parameter.
     * Both networks hold the same parameters in the same flat order, but their updater blocks may differ
     * (frozen layers leave the updater, a changed learning rate can split a block): each block keeps, for
     * its parameter range {@code [ps, pe)}, {@code c} state components laid out one after another, so a
     * parameter's component {@code j} sits at {@code vs + j * (pe - ps) + (p - ps)}. Returns false, copying
     * nothing, when a block of {@code to} has no block of {@code from} with as many components over the
     * same parameters.
     */
    static boolean copyUpdaterState(MultiLayerNetwork from, MultiLayerNetwork to) {
        if (!(from.getUpdater() instanceof BaseMultiLayerUpdater<?> source)
                || !(to.getUpdater() instanceof BaseMultiLayerUpdater<?> target)) {
            return false;
        }
        INDArray sourceView = source.getStateViewArray();
        INDArray targetView = target.getStateViewArray();
        if (sourceView == null || targetView == null) {
            return false;
        }
        List<long[]> copies = new ArrayList<>();
        for (UpdaterBlock block : target.getUpdaterBlocks()) {
            int ps = block.getParamOffsetStart();
            int pe = block.getParamOffsetEnd();
            int n = pe - ps;
            int stateLength = block.getUpdaterViewOffsetEnd() - block.getUpdaterViewOffsetStart();
            if (stateLength == 0) {
                continue;
            }
            int components = stateLength / n;
            int covered = 0;
            for (UpdaterBlock old : source.getUpdaterBlocks()) {
                int lo = Math.max(ps, old.getParamOffsetStart());
                int hi = Math.min(pe, old.getParamOffsetEnd());
                if (lo >= hi) {
                    continue;
                }
                int oldN = old.getParamOffsetEnd() - old.getParamOffsetStart();
                int oldLength = old.getUpdaterViewOffsetEnd() - old.getUpdaterViewOffsetStart();
                if (oldLength != components * oldN) {
                    return false;
                }
                for (int j = 0; j < components; j++) {
                    copies.add(new long[] {old.getUpdaterViewOffsetStart() + (long) j * oldN + (lo - old.getParamOffsetStart()),
                            block.getUpdaterViewOffsetStart() + (long) j * n + (lo - ps), hi - lo});
                }
                covered += hi - lo;
            }
            if (covered != n) {
                return false;
            }
        }
        INDArray flatSource = sourceView.reshape(sourceView.length());
        INDArray flatTarget = targetView.reshape(targetView.length());
        for (long[] c : copies) {
            flatTarget.get(NDArrayIndex.interval(c[1], c[1] + c[2])).assign(
                    flatSource.get(NDArrayIndex.interval(c[0], c[0] + c[2])));
        }
        return true;
    }

    /** The same configuration and parameters with a newly initialised updater state. */
    private static MultiLayerNetwork withFreshUpdater(MultiLayerNetwork network) {
        MultiLayerNetwork fresh = new MultiLayerNetwork(network.getLayerWiseConfigurations().clone());
        fresh.init(network.params().dup(), false);
        return fresh;
    }

    /** What early stopping found: the best model (by validation loss), its epoch and the epochs run. */
    private record FitOutcome(MultiLayerNetwork best, int bestEpoch, int epochs, INDArray validationOutputs) {
    }

    private FitOutcome fit(int k, MultiLayerNetwork start, DataSet train, DataSet validation, boolean report) {
        MiniBatches batches = new MiniBatches(train, batchSize::batchSize, settings.fit().shuffle(),
                seed(k, report ? 5 : 6));
        ValidationScore score = new ValidationScore(validation, classification, evaluationRows);
        EarlyStoppingConfiguration<MultiLayerNetwork> config = new EarlyStoppingConfiguration.Builder<MultiLayerNetwork>()
                .epochTerminationConditions(new MaxEpochsTerminationCondition(settings.fit().maxEpochs()),
                        new ScoreImprovementEpochTerminationCondition(settings.fit().patience()))
                .scoreCalculator(score)
                .evaluateEveryNEpochs(1)
                .modelSaver(new BestStateSaver(score::keepLatestAsBest))
                .build();
        EpochReporter reporter = new EpochReporter(k, report);
        start.setListeners(reporter);
        EarlyStoppingResult<MultiLayerNetwork> result = new EarlyStoppingTrainer(config, start, batches, reporter).fit();
        MultiLayerNetwork best = result.getBestModel();
        start.setListeners();
        if (best == null) {
            throw new IllegalStateException("bucket " + k + ": early stopping kept no model ("
                    + result.getTerminationReason() + ": " + result.getTerminationDetails() + ")");
        }
        return new FitOutcome(best, result.getBestModelEpoch() + 1, result.getTotalEpochs(), score.bestOutputs());
    }

    /**
     * Mean training loss per epoch (from DL4J's mini-batch scores, which it computes anyway) and, at each
     * epoch's end, the validation score early stopping computed ({@link ValidationScore}).
     */
    private final class EpochReporter extends BaseTrainingListener implements EarlyStoppingListener<MultiLayerNetwork> {
        private final int bucket;
        private final boolean report;
        private double lossSum;
        private int lossCount;
        private long epochStart = System.nanoTime();

        EpochReporter(int bucket, boolean report) {
            this.bucket = bucket;
            this.report = report;
        }

        @Override
        public void iterationDone(Model network, int iteration, int epoch) {
            lossSum += network.score();
            lossCount++;
        }

        @Override
        public void onStart(EarlyStoppingConfiguration<MultiLayerNetwork> config, MultiLayerNetwork network) {
            epochStart = System.nanoTime();
        }

        @Override
        public void onEpoch(int epoch, double validationLoss, EarlyStoppingConfiguration<MultiLayerNetwork> config,
                            MultiLayerNetwork network) {
            try {
                reportCheckpoints();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (report) {
                // Only the losses: an accuracy here would cost another pass over the validation slice every
                // epoch; the bucket's end reports val.accuracy.
                Map<String, Double> metrics = Map.of();
                long now = System.nanoTime();
                events.onEpochEnd(new TrainingListener.EpochEnded(bucket, epoch, lossCount == 0 ? Double.NaN
                        : lossSum / lossCount, validationLoss, metrics, now - epochStart));
                epochStart = now;
            }
            lossSum = 0;
            lossCount = 0;
        }

        @Override
        public void onCompletion(EarlyStoppingResult<MultiLayerNetwork> result) {
            // the caller reads the result
        }
    }

    private static DataSet normalized(NormalizerStandardize normalizer, DataSet raw) {
        DataSet copy = raw.copy();
        normalizer.preProcess(copy);
        return copy;
    }

    /**
     * All examples of a bucket, training then validation slice, in time order, in one new dataset normalised
     * with {@code norm}: one forward pass evaluates a model on them.
     */
    private static DataSet normalizedRows(NormalizerStandardize norm, BucketDatasetCache.Entry raw) {
        DataSet rows = new DataSet(Nd4j.vstack(raw.train().getFeatures(), raw.validation().getFeatures()),
                Nd4j.vstack(raw.train().getLabels(), raw.validation().getLabels()));
        norm.preProcess(rows);
        return rows;
    }

    /**
     * Evaluates {@code network} on {@code rows}, all rows of the bucket normalised with {@code norm}
     * ({@link #normalizedRows}); puts classification metrics under {@code prefix} and the trading evaluation
     * under {@code tradePrefix}. Returns the confusion matrix (classification) for the metrics file.
     */
    private Object evaluate(MultiLayerNetwork network, NormalizerStandardize norm, DataSet rows,
                            BucketPlan.Bucket bucket, Map<String, Double> metrics, String prefix, String tradePrefix) {
        INDArray out = ValidationScore.outputs(network, rows.getFeatures(), evaluationRows);
        INDArray labels = rows.getLabels();
        int n = rows.numExamples();
        metrics.put(prefix + "loss", ValidationScore.dataLoss(out, labels, classification));
        double[] positions = Signals.positions(out, norm, classification, table.classCount());
        Object detail;
        if (classification) {
            Evaluation evaluation = new Evaluation(table.classCount());
            evaluation.eval(labels, out);
            putClassification(metrics, prefix, evaluation);
            detail = confusion(evaluation);
        } else {
            double[] actual = Backtest.forwardReturns(table, bucket.allRows());
            int hits = 0;
            for (int i = 0; i < n; i++) {
                if (positions[i] == Math.signum(actual[i])) {
                    hits++;
                }
            }
            metrics.put(prefix + "accuracy", (double) hits / n);
            detail = Map.of("directionHits", hits, "examples", n);
        }
        putAll(metrics, tradePrefix, trade(backtest.run(table, bucket.allRows(), positions)));
        return detail;
    }

    /** Validation metrics of the best model from {@code out}, its outputs on the validation slice. */
    private Object validationMetrics(INDArray out, DataSet validation, Map<String, Double> metrics, String prefix) {
        metrics.put(prefix + "loss", ValidationScore.dataLoss(out, validation.getLabels(), classification));
        if (!classification) {
            return Map.of();
        }
        Evaluation evaluation = new Evaluation(table.classCount());
        evaluation.eval(validation.getLabels(), out);
        metrics.put(prefix + "accuracy", evaluation.accuracy());
        metrics.put(prefix + "f1", evaluation.f1());
        return confusion(evaluation);
    }

    private static void putClassification(Map<String, Double> metrics, String prefix, Evaluation evaluation) {
        metrics.put(prefix + "accuracy", evaluation.accuracy());
        metrics.put(prefix + "precision", evaluation.precision());
        metrics.put(prefix + "recall", evaluation.recall());
        metrics.put(prefix + "f1", evaluation.f1());
    }

    private static Map<String, Object> confusion(Evaluation evaluation) {
        int classes = evaluation.getNumRowCounter() == 0 ? 0 : evaluation.getConfusionMatrix().getClasses().size();
        int[][] matrix = new int[classes][classes];
        for (int actual = 0; actual < classes; actual++) {
            for (int predicted = 0; predicted < classes; predicted++) {
                matrix[actual][predicted] = evaluation.getConfusionMatrix().getCount(actual, predicted);
            }
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("confusion", matrix);
        detail.put("rows", "actual class");
        detail.put("columns", "predicted class");
        return detail;
    }

    private static Map<String, Double> trade(BacktestResult result) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("totalReturn", result.totalReturn());
        m.put("sharpe", result.sharpe());
        m.put("maxDrawdown", result.maxDrawdown());
        m.put("trades", (double) result.trades());
        return m;
    }

    private static void putAll(Map<String, Double> metrics, String prefix, Map<String, Double> values) {
        values.forEach((k, v) -> metrics.put(prefix + k, v));
    }

    /**
     * Queues bucket {@code k}'s checkpoint: the model (and baseline) copied here, on the training thread,
     * then written on the writer's thread: model files, {@code metrics.json}, and {@code progress.json} last.
     */
    private void checkpoint(int k, BucketEnded ended, Map<String, Object> details, List<BucketEnded> finished)
            throws IOException {
        RunFolder.ModelSnapshot snapshot = RunFolder.ModelSnapshot.of(model, normalizer);
        // Bucket 0, and every bucket without transfer, has the model itself as its baseline: one copy serves both.
        RunFolder.ModelSnapshot baselineSnapshot = !settings.baseline().enabled() ? null
                : baselineModel == model && baselineNormalizer == normalizer ? snapshot
                : RunFolder.ModelSnapshot.of(baselineModel, baselineNormalizer);
        Map<String, Object> metricsFile = new LinkedHashMap<>(details);
        metricsFile.put("epochs", ended.epochs());
        metricsFile.put("metrics", EventLogListener.metrics(ended.metrics()));
        List<BucketEnded> committed = new ArrayList<>(finished);
        committed.add(ended);
        Map<String, Object> rng = new LinkedHashMap<>();
        rng.put("seed", settings.seed());
        rng.put("nextBucket", k + 1);
        rng.put("nextModelSeed", seed(k + 1, 1));
        rng.put("nextFitSeed", seed(k + 1, 2));
        Path file = folder.checkpoint(k);
        Map<String, Object> extra = Map.of("rng", rng, "lastCheckpoint", folder.relative(file));
        checkpoints.submit(() -> {
            long bytes = folder.writeModel(file, snapshot);
            if (baselineSnapshot != null) {
                folder.writeModel(folder.baseline(k), baselineSnapshot);
            }
            folder.writeJson(folder.bucketDirectory(k).resolve("metrics.json"), metricsFile);
            folder.writeProgress(committed, extra);
            return new TrainingListener.CheckpointWritten(k, file, bytes);
        });
    }

    private void writeSummary(TrainingListener.RunEnded end) throws IOException {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("runId", end.runId());
        summary.put("trainer", ProgressiveTrainer.ID);
        summary.put("completed", end.completed());
        summary.put("bucketCount", plan.size());
        summary.put("summary", EventLogListener.metrics(end.summary()));
        List<Object> buckets = new ArrayList<>();
        for (BucketEnded b : end.buckets()) {
            buckets.add(EventLogListener.bucketEnded(b));
        }
        summary.put("buckets", buckets);
        Files.createDirectories(folder.directory());
        folder.writeJson(folder.directory().resolve(RunFolder.SUMMARY), summary);
    }

    /**
     * Means over the buckets of every metric (each over the buckets that have it: out-of-sample metrics
     * start at bucket 1), plus {@code transfer.oosAccuracyGain} and {@code transfer.epochsSaved}, the mean
     * differences to the baseline.
     */
    static Map<String, Double> summarize(List<BucketEnded> buckets) {
        Map<String, double[]> sums = new TreeMap<>();
        for (BucketEnded b : buckets) {
            b.metrics().forEach((key, value) -> {
                if (Double.isFinite(value)) {
                    double[] s = sums.computeIfAbsent(key, x -> new double[2]);
                    s[0] += value;
                    s[1]++;
                }
            });
        }
        Map<String, Double> summary = new TreeMap<>();
        sums.forEach((key, s) -> summary.put(key, s[0] / s[1]));
        summary.put("buckets", (double) buckets.size());
        summary.put("totalEpochs", (double) buckets.stream().mapToInt(BucketEnded::epochs).sum());
        gain(buckets, "oos.accuracy", "baseline.oos.accuracy", "transfer.oosAccuracyGain", summary);
        gain(buckets, "baseline.epochsToConverge", "epochsToConverge", "transfer.epochsSaved", summary);
        return summary;
    }

    private static void gain(List<BucketEnded> buckets, String a, String b, String key, Map<String, Double> out) {
        double sum = 0;
        int n = 0;
        for (BucketEnded bucket : buckets) {
            Double x = bucket.metrics().get(a);
            Double y = bucket.metrics().get(b);
            if (x != null && y != null && Double.isFinite(x) && Double.isFinite(y) && bucket.bucket() > 0) {
                sum += x - y;
                n++;
            }
        }
        if (n > 0) {
            out.put(key, sum / n);
        }
    }

    /** A seed for bucket {@code k} and purpose {@code salt}, mixed from the run's seed (SplitMix64). */
    private long seed(int k, int salt) {
        long z = settings.seed() + 0x9E3779B97F4A7C15L * (k * 16L + salt + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
