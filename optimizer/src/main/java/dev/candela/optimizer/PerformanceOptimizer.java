package dev.candela.optimizer;

import dev.candela.core.config.CandelaConfig;
import dev.candela.core.features.cache.FeatureCache;
import dev.candela.core.hardware.HardwareReport;
import dev.candela.optimizer.report.ActionTaken;
import dev.candela.optimizer.report.OptimizerReport;
import dev.candela.optimizer.report.ResourceSample;
import dev.candela.optimizer.report.SectionProfile;
import dev.candela.optimizer.report.Suggestion;
import dev.candela.optimizer.report.Thresholds;
import dev.candela.spi.Optimizer;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Candela's {@link Optimizer}: a recording profiler, a resource monitor that acts on memory and
 * device-memory pressure, suggestion rules and reports. Usually bound by {@link OptimizerModule}; built
 * directly with {@link #builder}. Thread-safe.
 *
 * <pre>{@code
 * try (Candela candela = Candela.builder().modules(OptimizerModule.create()).build();
 *      PerformanceOptimizer optimizer = candela.get(PerformanceOptimizer.class)) {
 *     optimizer.start();
 *     ... work ...
 *     optimizer.report(List.of("my-job"), wallNanos).save(Path.of("report.json"));
 * }
 * }</pre>
 */
public interface PerformanceOptimizer extends Optimizer {

    /** The id this optimizer reports. */
    String ID = "candela";

    /** The profile table so far, most self time first. */
    List<SectionProfile> profile();

    /** The retained resource samples, oldest first. */
    List<ResourceSample> samples();

    /** The actions taken so far, in time order. */
    List<ActionTaken> actions();

    /** The thresholds acted on. */
    Thresholds thresholds();

    /** What the suggestion rules find in the evidence so far. */
    List<Suggestion> suggestions();

    /**
     * Takes one sample now and acts on it, as the monitor does at each interval (also after {@link #close()},
     * to record the state at the end of a run).
     */
    void sampleNow();

    /** Registers the feature cache: it frees memory under pressure and its hit rate feeds the suggestions. */
    void watch(FeatureCache cache);

    /** A report of everything so far. */
    OptimizerReport report(List<String> command, long wallNanos);

    /** A builder for the machine in {@code hardware} configured by {@code config}'s {@code optimizer} section. */
    static Builder builder(HardwareReport hardware, CandelaConfig config) {
        return new Builder(hardware, config);
    }

    /** Options of a {@link PerformanceOptimizer}; everything but the hardware and configuration has a default. */
    final class Builder {
        final HardwareReport hardware;
        final CandelaConfig config;
        ResourceSampler sampler;
        MeterRegistry registry;
        Duration interval;
        int historyLimit = 7_200;
        GarbageCollection gc = GarbageCollection.jvm();

        private Builder(HardwareReport hardware, CandelaConfig config) {
            this.hardware = Objects.requireNonNull(hardware, "hardware");
            this.config = Objects.requireNonNull(config, "config");
        }

        /** Where readings come from; by default Oshi, the JVM, JavaCPP and the registered device gauges. */
        public Builder sampler(ResourceSampler value) {
            this.sampler = Objects.requireNonNull(value, "sampler");
            return this;
        }

        /** Also publishes every section to {@code value} as timer {@code candela.section}; {@code null} for none. */
        public Builder meterRegistry(MeterRegistry value) {
            this.registry = value;
            return this;
        }

        /** The sampling interval; {@code null} takes {@code optimizer.sampleIntervalMillis} from the configuration. */
        public Builder sampleInterval(Duration value) {
            if (value != null && (value.isNegative() || value.isZero())) {
                throw new IllegalArgumentException("sample interval must be positive, was " + value);
            }
            this.interval = value;
            return this;
        }

        /** How many samples are kept, the oldest dropped first; default 7,200 (two hours at one per second). */
        public Builder historyLimit(int samples) {
            if (samples < 2) {
                throw new IllegalArgumentException("history must keep at least 2 samples, was " + samples);
            }
            this.historyLimit = samples;
            return this;
        }

        Builder garbageCollection(GarbageCollection value) {
            this.gc = Objects.requireNonNull(value, "gc");
            return this;
        }

        public PerformanceOptimizer build() {
            return new MonitoringOptimizer(this);
        }
    }
}
