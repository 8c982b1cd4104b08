package dev.candela.training;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.candela.core.io.AtomicFiles;
import dev.candela.spi.FeatureTable;
import dev.candela.spi.TrainingListener.BucketEnded;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.dataset.api.preprocessor.serializer.NormalizerSerializer;
import org.nd4j.linalg.factory.Nd4j;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The files of a run folder, all written atomically:
 * <pre>
 * config.json                       the effective configuration (every key)
 * features.json                     the feature columns in the order the models read them, class count, horizon
 * events.jsonl                      the event log ({@link EventLogListener})
 * buckets/NNN/checkpoint.zip        the bucket's model with updater state and normaliser (ModelSerializer)
 * buckets/NNN/baseline.zip          the from-scratch baseline of the bucket, when enabled
 * buckets/NNN/metrics.json          the bucket's metrics and confusion matrices
 * progress.json                     the finished buckets; written last, so it is the commit point
 * summary.json                      the run's summary, written when it ends (completed or not)
 * </pre>
 */
final class RunFolder {
    static final String CONFIG = "config.json";
    static final String FEATURES = "features.json";
    static final String PROGRESS = "progress.json";
    static final String SUMMARY = "summary.json";

    static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Path directory;

    RunFolder(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    Path directory() {
        return directory;
    }

    Path bucketDirectory(int bucket) {
        return directory.resolve("buckets").resolve(String.format(Locale.ROOT, "%03d", bucket));
    }

    Path checkpoint(int bucket) {
        return bucketDirectory(bucket).resolve("checkpoint.zip");
    }

    Path baseline(int bucket) {
        return bucketDirectory(bucket).resolve("baseline.zip");
    }

    boolean hasRun() {
        return Files.exists(directory.resolve(CONFIG)) || Files.exists(directory.resolve(PROGRESS));
    }

    void writeConfig(TrainingSettings settings) throws IOException {
        AtomicFiles.writeString(directory.resolve(CONFIG), settings.toJson());
    }

    /** Records the table's columns (in the order the networks read them), class count and horizon. */
    void writeFeatures(FeatureTable table) throws IOException {
        Map<String, Object> features = new LinkedHashMap<>();
        features.put("schema", "candela-training-features");
        features.put("schemaVersion", 1);
        features.put("featureNames", table.featureNames());
        features.put("classCount", table.classCount());
        features.put("horizon", table.horizon());
        writeJson(directory.resolve(FEATURES), features);
    }

    /**
     * The table description of {@link #writeFeatures}.
     *
     * @throws IOException naming the file when it is missing or lacks a field
     */
    TableShape readFeatures() throws IOException {
        Path file = directory.resolve(FEATURES);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "the run folder records no feature columns");
        }
        Map<String, Object> map = JSON.readValue(file.toFile(), new TypeReference<Map<String, Object>>() {
        });
        if (!(map.get("featureNames") instanceof List<?> names) || !(map.get("classCount") instanceof Number classes)
                || !(map.get("horizon") instanceof Number horizon)) {
            throw new IOException(file + ": needs 'featureNames' (a list), 'classCount' and 'horizon' (numbers)");
        }
        List<String> featureNames = new ArrayList<>();
        for (Object name : names) {
            featureNames.add(String.valueOf(name));
        }
        return new TableShape(List.copyOf(featureNames), classes.intValue(), horizon.intValue());
    }

    /**
     * What a run's models expect of a feature table.
     *
     * @param featureNames the columns, in order
     * @param classCount   label classes
     * @param horizon      bars of the forward return
     */
    record TableShape(List<String> featureNames, int classCount, int horizon) {
        static TableShape of(FeatureTable table) {
            return new TableShape(List.copyOf(table.featureNames()), table.classCount(), table.horizon());
        }

        /** Empty when {@code table} has the same columns in the same order, else what differs first. */
        java.util.Optional<String> mismatch(FeatureTable table) {
            List<String> other = table.featureNames();
            for (int i = 0; i < Math.min(featureNames.size(), other.size()); i++) {
                if (!featureNames.get(i).equals(other.get(i))) {
                    return java.util.Optional.of("column " + i + " is '" + other.get(i) + "', the model expects '"
                            + featureNames.get(i) + "'");
                }
            }
            if (featureNames.size() != other.size()) {
                return java.util.Optional.of("the table has " + other.size() + " feature columns, the model expects "
                        + featureNames.size() + (other.size() < featureNames.size()
                        ? " (first missing: '" + featureNames.get(other.size()) + "')"
                        : " (first extra: '" + other.get(featureNames.size()) + "')"));
            }
            return java.util.Optional.empty();
        }
    }

    /**
     * The configuration the run was started with.
     *
     * @throws IllegalArgumentException when the folder holds no run to resume
     */
    Map<String, Object> readConfig() throws IOException {
        Path file = directory.resolve(CONFIG);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("nothing to resume: " + directory + " holds no " + CONFIG);
        }
        return JSON.readValue(file.toFile(), new TypeReference<Map<String, Object>>() {
        });
    }

    /** The finished buckets recorded in {@code progress.json}; empty when none finished. */
    List<BucketEnded> readProgress() throws IOException {
        Path file = directory.resolve(PROGRESS);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        Map<String, Object> progress = JSON.readValue(file.toFile(), new TypeReference<Map<String, Object>>() {
        });
        List<BucketEnded> buckets = new ArrayList<>();
        for (Object item : (List<?>) progress.get("buckets")) {
            buckets.add(bucketEnded((Map<?, ?>) item));
        }
        return buckets;
    }

    static BucketEnded bucketEnded(Map<?, ?> item) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        ((Map<?, ?>) item.get("metrics")).forEach((k, v) ->
                metrics.put((String) k, v == null ? Double.NaN : ((Number) v).doubleValue()));
        return new BucketEnded(((Number) item.get("bucket")).intValue(), ((Number) item.get("epochs")).intValue(),
                metrics);
    }

    void writeProgress(List<BucketEnded> finished, Map<String, Object> extra) throws IOException {
        Map<String, Object> progress = new LinkedHashMap<>();
        progress.put("schema", "candela-training-progress");
        progress.put("schemaVersion", 1);
        progress.put("finishedBuckets", finished.size());
        List<Object> buckets = new ArrayList<>();
        for (BucketEnded b : finished) {
            buckets.add(EventLogListener.bucketEnded(b));
        }
        progress.put("buckets", buckets);
        progress.putAll(extra);
        writeJson(directory.resolve(PROGRESS), progress);
    }

    void writeJson(Path file, Object value) throws IOException {
        AtomicFiles.write(file, out -> JSON.writeValue(out, value));
    }

    /**
     * Writes {@code snapshot} atomically ({@link AtomicFiles}: a temporary file in the same folder, forced to
     * disk, then renamed over the target) as ModelSerializer's zip, the layout
     * {@link ModelSerializer#restoreMultiLayerNetworkAndNormalizer} reads: the configuration JSON, the flat
     * parameters and the updater state in ND4J's binary form, and the normaliser entry. Written here in one
     * pass, from copies taken on the training thread, so that this can run on another thread while training
     * goes on; deflated at the fastest level, since trained weights hardly compress. Returns the file's size.
     */
    long writeModel(Path file, ModelSnapshot snapshot) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.write(file, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.setLevel(Deflater.BEST_SPEED);
            zip.putNextEntry(new ZipEntry(ModelSerializer.CONFIGURATION_JSON));
            zip.write(snapshot.configuration().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            DataOutputStream data = new DataOutputStream(new BufferedOutputStream(zip));
            zip.putNextEntry(new ZipEntry(ModelSerializer.COEFFICIENTS_BIN));
            Nd4j.write(snapshot.parameters(), data);
            data.flush();
            zip.closeEntry();
            if (snapshot.updaterState() != null) {
                zip.putNextEntry(new ZipEntry(ModelSerializer.UPDATER_BIN));
                Nd4j.write(snapshot.updaterState(), data);
                data.flush();
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(ModelSerializer.NORMALIZER_BIN));
            zip.write(snapshot.normalizer());
            zip.closeEntry();
            zip.finish();
        });
        return Files.size(file);
    }

    /**
     * What a checkpoint holds of a model, copied so that the model can move on: the configuration as JSON
     * (with its iteration and epoch counters), the flat parameters, the updater state ({@code null} when the
     * network has none) and the serialised normaliser.
     */
    record ModelSnapshot(String configuration, INDArray parameters, INDArray updaterState, byte[] normalizer) {
        static ModelSnapshot of(MultiLayerNetwork model, DataNormalization normalizer) throws IOException {
            INDArray state = model.getUpdater() == null ? null : model.getUpdater().getStateViewArray();
            ByteArrayOutputStream normalizerBytes = new ByteArrayOutputStream();
            NormalizerSerializer.getDefault().write(normalizer, normalizerBytes);
            return new ModelSnapshot(model.getLayerWiseConfigurations().toJson(), model.params().dup('c'),
                    state == null || state.length() == 0 ? null : state.dup('c'), normalizerBytes.toByteArray());
        }
    }

    /** A model written by {@link #writeModel}, with its updater state and normaliser. */
    static Pair<MultiLayerNetwork, NormalizerStandardize> readModel(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Pair<MultiLayerNetwork, ?> pair = ModelSerializer.restoreMultiLayerNetworkAndNormalizer(in, true);
            if (!(pair.getSecond() instanceof NormalizerStandardize normalizer)) {
                throw new IOException("checkpoint " + file + " holds no standardising normaliser");
            }
            return Pair.of(pair.getFirst(), normalizer);
        }
    }

    String relative(Path file) {
        return directory.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString()
                .replace('\\', '/');
    }

    static String readText(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
