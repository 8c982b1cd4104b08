package dev.candela.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Candela's configuration, as read from {@code candela.json}:
 *
 * <pre>{@code
 * {
 *   "backend": "auto",
 *   "threads": null,
 *   "gpu": { "memoryHeadroomFraction": 0.1, "float32": false },
 *   "cache": { "maxBytes": 536870912 },
 *   "optimizer": {
 *     "sampleIntervalMillis": 1000,
 *     "thresholds": { "cpu": null, "memory": null, "gpuMemory": null }
 *   },
 *   "training": { "threads": null }
 * }
 * }</pre>
 *
 * <p>Every key is optional; a missing key or section takes its default, and {@code null} where allowed
 * means "derive from the hardware". Unknown keys are rejected, so a typo never passes silently.
 *
 * @param backend   the requested backend, or {@code null} when the file leaves it open (system property
 *                  and environment then decide, else {@code auto})
 * @param threads   threads for native math libraries, at least 1; {@code null} derives them
 * @param gpu       the GPU backend's settings
 * @param cache     the feature cache's settings
 * @param optimizer the resource optimizer's settings
 * @param training  model training's settings
 */
public record CandelaConfig(
        BackendChoice backend,
        Integer threads,
        GpuConfig gpu,
        CacheConfig cache,
        OptimizerConfig optimizer,
        TrainingConfig training) {

    public CandelaConfig {
        Validation.optionalCount("threads", threads);
        gpu = gpu != null ? gpu : GpuConfig.defaults();
        cache = cache != null ? cache : CacheConfig.defaults();
        optimizer = optimizer != null ? optimizer : OptimizerConfig.defaults();
        training = training != null ? training : TrainingConfig.defaults();
    }

    /** The configuration when no file is given. */
    public static CandelaConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().backend(backend).threads(threads).gpu(gpu).cache(cache).optimizer(optimizer)
                .training(training);
    }

    /**
     * Reads a configuration file.
     *
     * @throws ConfigException when the file cannot be read, is not valid JSON, has an unknown key or an
     *                         invalid value; the message names the file, key and line
     */
    public static CandelaConfig read(Path file) {
        Objects.requireNonNull(file, "file");
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ConfigException.unusable("cannot read the configuration file: " + e, file.toString(), 0, e);
        }
        return ConfigJson.parse(json, file.toString());
    }

    /**
     * Parses configuration JSON.
     *
     * @param sourceName names the JSON's origin in error messages, e.g. a file name
     * @throws ConfigException as for {@link #read(Path)}
     */
    public static CandelaConfig parse(String json, String sourceName) {
        return ConfigJson.parse(Objects.requireNonNull(json, "json"), Objects.requireNonNull(sourceName, "sourceName"));
    }

    /**
     * The configuration of this process: the file that {@link ConfigLocation#find()} names, or the
     * defaults when there is none.
     */
    public static CandelaConfig load() {
        return ConfigLocation.find().map(location -> read(location.path())).orElseGet(CandelaConfig::defaults);
    }

    /** This configuration as indented JSON, every key present; {@link #parse} reads it back equal. */
    public String toJson() {
        return ConfigJson.write(this);
    }

    /** Builds a configuration; unset parts take their defaults. */
    public static final class Builder {
        private BackendChoice backend;
        private Integer threads;
        private GpuConfig gpu;
        private CacheConfig cache;
        private OptimizerConfig optimizer;
        private TrainingConfig training;

        private Builder() {
        }

        /** {@code null} leaves the backend to system property, environment and the {@code auto} default. */
        public Builder backend(BackendChoice backend) {
            this.backend = backend;
            return this;
        }

        /** {@code null} derives the thread count from the hardware. */
        public Builder threads(Integer threads) {
            this.threads = threads;
            return this;
        }

        public Builder gpu(GpuConfig gpu) {
            this.gpu = gpu;
            return this;
        }

        public Builder cache(CacheConfig cache) {
            this.cache = cache;
            return this;
        }

        public Builder optimizer(OptimizerConfig optimizer) {
            this.optimizer = optimizer;
            return this;
        }

        public Builder training(TrainingConfig training) {
            this.training = training;
            return this;
        }

        /** @throws ConfigException when a value breaks its rule */
        public CandelaConfig build() {
            return new CandelaConfig(backend, threads, gpu, cache, optimizer, training);
        }
    }
}
