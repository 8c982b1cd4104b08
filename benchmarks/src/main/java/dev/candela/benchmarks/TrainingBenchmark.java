package dev.candela.benchmarks;

import dev.candela.gpu.Nd4jThreads;
import dev.candela.spi.Column;
import dev.candela.spi.FeatureTable;
import dev.candela.spi.Trainer;
import dev.candela.spi.TrainingListener;
import dev.candela.training.ProgressiveTrainer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Progressive training against plain DL4J {@code fit} loops on the same data: 4 walk-forward buckets of
 * 1,000 rows, 16 features by default ({@code rows}, {@code features} and {@code buckets} change that), the
 * same network (layers 32 and 16, Adam, batch 64, LSTM window 8),
 * {@code epochs} per bucket (3 by default; patience as many, so early stopping never stops early), no
 * shuffling unless {@code shuffle} (then each side shuffles every epoch its own way), the same ND4J thread
 * counts on every side ({@code threads} for BLAS, 2 by default, and {@code opThreads} for libnd4j's
 * operations, 1 by default, as the trainer's defaults on this 2-core machine).
 *
 * <ul>
 *   <li>{@code plainFitLoop}: the network fitted for {@code epochs} on each bucket's training rows (the rows the
 *       progressive plan trains on, raw, in the same mini-batches, taken as views as the trainer takes
 *       them), one network carried through the buckets, nothing else: the pure cost of the gradient
 *       steps.</li>
 *   <li>{@code plainFitLoopWithEvaluation}: the same, plus the model passes the progressive run needs by
 *       definition: a validation-loss pass over the bucket's validation rows after every epoch (what early
 *       stopping decides on) and, before fitting every bucket after the first, one forward pass over all the bucket's
 *       rows (the out-of-sample evaluation). Still no normalisation, transfer, metrics or files.</li>
 *   <li>{@code progressive}: {@code ProgressiveTrainer} with {@code baseline.enabled=false}: everything
 *       above plus per-bucket normalisation, transfer learning with the updater-state copy, early stopping
 *       (its copy of the best state after each improving epoch), classification and trading metrics,
 *       checkpoints (copied on the training thread, written and forced to disk on the background writer,
 *       all waited for before the run returns), and the event log.</li>
 *   <li>{@code progressiveWithBaseline}: the same with the from-scratch baseline (a second fit per bucket
 *       from bucket 1 on, plus its out-of-sample evaluation and checkpoint), to report that feature's own
 *       cost.</li>
 * </ul>
 *
 * The machinery overhead is {@code progressive / plainFitLoopWithEvaluation - 1}; the whole price of
 * progressive training over bare gradient steps is {@code progressive / plainFitLoop - 1}. Samples per
 * second = training rows per epoch ({@link #trainingRowsPerEpoch}; 4 buckets x 798 by default) x {@code epochs}
 * / time.
 *
 * <p>Each iteration is one whole run (single-shot time), since a run is long and the interesting figure
 * is its duration. Single runs on a small virtual machine are noisy (iterations of one side spread by up
 * to 2x, and the level drifts over minutes), and JMH runs the four sides one after another, so their
 * medians compare only to within that drift. {@link #paired} measures the overhead itself: each of its
 * iterations runs {@code plainFitLoop}, {@code plainFitLoopWithEvaluation} and {@code progressive} back to
 * back, in an order drawn at random each iteration, each after a {@code System.gc()} outside its timing
 * (ND4J's reference objects, left by whichever side ran before, would otherwise slow the next side's
 * collections), and reports each side's milliseconds as an auxiliary counter; {@link TrainingOverheadReport}
 * turns them into per-iteration ratios, so the sides compared always ran under the same conditions.
 *
 * <p>DL4J and ND4J log at {@code warn}, as the CLI sets them: DL4J's early-stopping trainer logs every epoch
 * at {@code info}, which through the simple logger to standard error cost about 2 % of a progressive MLP
 * run, a cost of the logging configuration rather than of the trainer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 15)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch",
        "-Dorg.slf4j.simpleLogger.log.org.deeplearning4j=warn", "-Dorg.slf4j.simpleLogger.log.org.nd4j=warn"})
public class TrainingBenchmark {
    private static final int BATCH = 64;
    private static final int WINDOW = 8;

    @Param({"mlp", "lstm"})
    public String model;

    /** Rows of the random feature table. */
    @Param({"4000"})
    public int rows;

    /** Features per row. */
    @Param({"16"})
    public int features;

    /** Walk-forward buckets. */
    @Param({"4"})
    public int buckets;

    /**
     * Epochs per bucket (patience as many, so early stopping never stops early). 3 makes the per-bucket
     * work small, the worst case for the fixed costs of each bucket; more epochs spread them.
     */
    @Param({"3"})
    public int epochs;

    /** BLAS threads on both sides (the trainer's {@code threads}); 1 gives steadier numbers on a shared machine. */
    @Param({"2"})
    public int threads;

    /**
     * libnd4j's OpenMP and master threads on both sides (the trainer's {@code opThreads}, 1 by default, as in
     * the trainer).
     */
    @Param({"1"})
    public int opThreads;

    /**
     * Whether each epoch visits the examples in a new random order: the trainer's own shuffling against
     * DL4J's in-place {@code DataSet.shuffle} in the plain loops (their batches stay views of the dataset).
     * Off by default, as in the tables of the training README; the trainer's default is on.
     */
    @Param({"false"})
    public boolean shuffle;

    /** The milliseconds of each side in one {@link #paired} iteration (JMH sums events per iteration). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Sides {
        public long plainMillis;
        public long plainWithEvaluationMillis;
        public long progressiveMillis;

        @Setup(Level.Iteration)
        public void clear() {
            plainMillis = 0;
            plainWithEvaluationMillis = 0;
            progressiveMillis = 0;
        }
    }

    private FeatureTable table;
    private final Random orders = new Random(42);
    private Map<String, Object> config;
    private Map<String, Object> withBaseline;
    private Path runs;
    private int runCount;

    @Setup
    public void setUp() throws IOException {
        // Both sides run with the same native thread settings (the trainer applies them too).
        Nd4jThreads.apply(threads, opThreads);
        table = new RandomTable(rows, features, 1);
        config = Map.of("threads", threads, "opThreads", opThreads,
                "model", Map.of("type", model, "window", WINDOW, "layers", List.of(Map.of("size", 32),
                        Map.of("size", 16)), "batchSize", BATCH),
                "fit", Map.of("maxEpochs", epochs, "patience", epochs, "shuffle", shuffle),
                "buckets", Map.of("count", buckets), "baseline", Map.of("enabled", false));
        Map<String, Object> baseline = new java.util.HashMap<>(config);
        baseline.put("baseline", Map.of("enabled", true));
        withBaseline = Map.copyOf(baseline);
        runs = Files.createTempDirectory("candela-training-bench");
    }

    @Benchmark
    public TrainingListener.RunEnded progressive() throws IOException {
        return new ProgressiveTrainer().train(new Trainer.Request(table, config, runs.resolve("run" + runCount++),
                false), new TrainingListener() { });
    }

    @Benchmark
    public TrainingListener.RunEnded progressiveWithBaseline() throws IOException {
        return new ProgressiveTrainer().train(new Trainer.Request(table, withBaseline,
                runs.resolve("run" + runCount++), false), new TrainingListener() { });
    }

    /**
     * {@link #plainFitLoop}, {@link #plainFitLoopWithEvaluation} and {@link #progressive} back to back, in an
     * order drawn afresh each iteration (from a fixed seed), each side's wall time in {@code sides}. Not a
     * fixed rotation: the JVM's periodic old-generation collections would fall on the same side every time.
     */
    @Benchmark
    public Object paired(Sides sides) throws IOException {
        List<Integer> order = new java.util.ArrayList<>(List.of(0, 1, 2));
        java.util.Collections.shuffle(order, orders);
        Object last = null;
        for (int side : order) {
            // Each side starts from a collected heap: the reference objects ND4J leaves behind would
            // otherwise make the next side's young collections slower, whichever side made them.
            System.gc();
            long start = System.nanoTime();
            last = side == 0 ? plain(false) : side == 1 ? plain(true) : progressive();
            long millis = (System.nanoTime() - start) / 1_000_000;
            switch (side) {
                case 0 -> sides.plainMillis += millis;
                case 1 -> sides.plainWithEvaluationMillis += millis;
                default -> sides.progressiveMillis += millis;
            }
        }
        return last;
    }

    /** The same network fitted for the same epochs on the same training rows of each bucket, nothing else. */
    @Benchmark
    public MultiLayerNetwork plainFitLoop() {
        return plain(false);
    }

    /** {@link #plainFitLoop()} plus a validation-loss pass per epoch and an out-of-sample pass per bucket. */
    @Benchmark
    public MultiLayerNetwork plainFitLoopWithEvaluation() {
        return plain(true);
    }

    private MultiLayerNetwork plain(boolean evaluate) {
        boolean lstm = model.equals("lstm");
        MultiLayerNetwork net = network(lstm);
        for (int b = 0; b < buckets; b++) {
            Slice slice = slice(rows, buckets, lstm, b);
            DataSet data = dataset(slice.from(), slice.train(), lstm);
            DataSet held = evaluate ? dataset(slice.from() + slice.train() + 1, slice.validation(), lstm) : null;
            if (evaluate && b > 0) {
                net.output(dataset(slice.from(), slice.rows(), lstm).getFeatures(), false);
            }
            List<DataSet> batches = batches(data);
            for (int e = 0; e < epochs; e++) {
                if (shuffle) {
                    data.shuffle(b * 1000L + e);
                }
                for (DataSet batch : batches) {
                    net.fit(batch);
                }
                if (evaluate) {
                    net.score(held, false);
                }
            }
        }
        return net;
    }

    /**
     * One bucket of the walk-forward plan: its first row, its rows (less the last horizon row), its
     * validation rows (20 %) and its training rows (1 row purged between the two).
     */
    record Slice(int from, int rows, int validation, int train) {
    }

    /** Bucket {@code b} of the walk-forward plan the trainer makes of {@code rows} rows. */
    static Slice slice(int rows, int buckets, boolean lstm, int b) {
        int first = lstm ? WINDOW - 1 : 0;
        int usable = rows - first;
        int from = first + usable * b / buckets;
        int total = first + usable * (b + 1) / buckets - 1 - from;
        int validation = (int) Math.round(total * 0.2);
        return new Slice(from, total, validation, total - validation - 1);
    }

    /** Training rows of one epoch over all buckets: the samples one epoch of a run fits. */
    static int trainingRowsPerEpoch(int rows, int buckets, boolean lstm) {
        int sum = 0;
        for (int b = 0; b < buckets; b++) {
            sum += slice(rows, buckets, lstm, b).train();
        }
        return sum;
    }

    /**
     * Consecutive mini-batches of {@code data} as views of its arrays, as the trainer takes them. Not
     * {@code DataSet.batchBy}: it splits the set into one-example sets and merges them again, which costs
     * more than the gradient steps of a small network (about 36 ms per bucket of the MLP).
     */
    private static List<DataSet> batches(DataSet data) {
        int rows = data.numExamples();
        List<DataSet> batches = new java.util.ArrayList<>();
        for (int from = 0; from < rows; from += BATCH) {
            INDArrayIndex range = NDArrayIndex.interval(from, Math.min(rows, from + BATCH));
            INDArray features = data.getFeatures();
            batches.add(new DataSet(features.rank() == 2 ? features.get(range, NDArrayIndex.all())
                    : features.get(range, NDArrayIndex.all(), NDArrayIndex.all()),
                    data.getLabels().get(range, NDArrayIndex.all())));
        }
        return batches;
    }

    private DataSet dataset(int from, int count, boolean lstm) {
        int window = lstm ? WINDOW : 1;
        float[] x = new float[count * features * window];
        float[] y = new float[count * 3];
        for (int i = 0; i < count; i++) {
            int row = from + i;
            for (int c = 0; c < features; c++) {
                for (int t = 0; t < window; t++) {
                    x[(i * features + c) * window + t] = (float) table.feature(c).get(row - window + 1 + t);
                }
            }
            y[i * 3 + table.classLabel(row)] = 1f;
        }
        return new DataSet(lstm ? array(x, count, features, window) : array(x, count, features), array(y, count, 3));
    }

    /**
     * A C-ordered array of {@code values} through a buffer made in one piece, as the trainer makes its
     * datasets ({@code Nd4j.create(float[], shape, order)} fills its buffer value by value, several times
     * slower): the sides differ in the machinery, not in how they copy data into ND4J.
     */
    private static INDArray array(float[] values, long... shape) {
        return Nd4j.create(Nd4j.createBuffer(values), shape, Nd4j.getStrides(shape, 'c'), 0, 'c', DataType.FLOAT);
    }

    private MultiLayerNetwork network(boolean lstm) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().seed(42).dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER).updater(new Adam(0.001)).l2(0.0001).list();
        if (lstm) {
            list.layer(new LSTM.Builder().nOut(32).activation(Activation.TANH).build());
            list.layer(new LastTimeStep(new LSTM.Builder().nOut(16).activation(Activation.TANH).build()));
        } else {
            list.layer(new DenseLayer.Builder().nOut(32).activation(Activation.RELU).build());
            list.layer(new DenseLayer.Builder().nOut(16).activation(Activation.RELU).build());
        }
        list.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX).nOut(3)
                .build());
        list.setInputType(lstm ? InputType.recurrent(features, WINDOW) : InputType.feedForward(features));
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }

    /** Random features with a class label that follows the first one. */
    static final class RandomTable implements FeatureTable {
        private final double[][] x;
        private final double[] forward;
        private final int[] labels;

        RandomTable(int rows, int features, long seed) {
            Random random = new Random(seed);
            x = new double[features][rows];
            forward = new double[rows];
            labels = new int[rows];
            for (int r = 0; r < rows; r++) {
                for (int f = 0; f < features; f++) {
                    x[f][r] = random.nextGaussian();
                }
                forward[r] = 0.004 * x[0][r] + 0.002 * random.nextGaussian();
                labels[r] = forward[r] < -0.002 ? 0 : forward[r] > 0.002 ? 2 : 1;
            }
        }

        @Override
        public int rowCount() {
            return forward.length;
        }

        @Override
        public List<String> featureNames() {
            return java.util.stream.IntStream.range(0, x.length).mapToObj(i -> "f" + i).toList();
        }

        @Override
        public long timestamp(int row) {
            return 1_700_000_000_000L + row * 3_600_000L;
        }

        @Override
        public Column feature(int index) {
            return Column.of(x[index]);
        }

        @Override
        public int classCount() {
            return 3;
        }

        @Override
        public int classLabel(int row) {
            return labels[row];
        }

        @Override
        public Column forwardReturns() {
            return Column.of(forward);
        }

        @Override
        public int horizon() {
            return 1;
        }
    }
}
