package dev.candela.visualization.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Map;

/**
 * The optimizer's report ({@code candela profile --out report.json}, or {@code <run>/profile.json}) as
 * far as dashboards use it: profiled functions, resource samples and their summary, the actions the
 * optimizer took and its suggestions. Read with {@link OptimizerReportReader}; unknown fields are
 * ignored, absent lists read as empty.
 *
 * @param schema        always {@code candela-optimizer-report}
 * @param schemaVersion the format's version (1)
 * @param createdAt     ISO-8601 instant the report was written
 * @param command       the profiled command line
 * @param wallNanos     wall time of the profiled command
 * @param hardware      the machine it ran on
 * @param profile       profiled functions, as the optimizer ordered them
 * @param resources     resource samples and their summary
 * @param actions       what the optimizer did while the command ran
 * @param suggestions   what it advises
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OptimizerReport(String schema, int schemaVersion, String createdAt, List<String> command,
                              long wallNanos, Hardware hardware, List<ProfileEntry> profile, Resources resources,
                              List<Action> actions, List<Suggestion> suggestions) {

    /** The value of {@link #schema()}. */
    public static final String SCHEMA = "candela-optimizer-report";

    public OptimizerReport {
        command = command == null ? List.of() : List.copyOf(command);
        hardware = hardware == null ? new Hardware("", 0, 0, List.of()) : hardware;
        profile = profile == null ? List.of() : List.copyOf(profile);
        resources = resources == null ? new Resources(0, null, List.of()) : resources;
        actions = actions == null ? List.of() : List.copyOf(actions);
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
    }

    /** The machine. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Hardware(String cpuModel, int logicalCores, long memoryBytes, List<Map<String, Object>> gpus) {
        public Hardware {
            cpuModel = cpuModel == null ? "" : cpuModel;
            gpus = gpus == null ? List.of() : List.copyOf(gpus);
        }
    }

    /** One profiled function; {@code share} is its part of the total in [0, 1]. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProfileEntry(String name, long calls, long totalNanos, long selfNanos, long meanNanos, long minNanos,
                               long maxNanos, long p50Nanos, long p95Nanos, long p99Nanos, double share) {
    }

    /** Resource samples taken every {@code intervalMillis}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Resources(long intervalMillis, ResourceSummary summary, List<ResourceSample> samples) {
        public Resources {
            samples = samples == null ? List.of() : List.copyOf(samples);
        }
    }

    /** Means and maxima over the samples; CPU values are fractions in [0, 1]. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ResourceSummary(double processCpuMean, double processCpuMax, double systemCpuMean,
                                  long heapUsedMaxBytes, long heapMaxBytes, long offHeapMaxBytes,
                                  long systemMemoryUsedMaxBytes, long systemMemoryTotalBytes, double gcTimeShare,
                                  double diskReadBytesPerSecMean, double diskWriteBytesPerSecMean,
                                  List<Long> gpuMemoryUsedMaxBytes) {
        public ResourceSummary {
            gpuMemoryUsedMaxBytes = gpuMemoryUsedMaxBytes == null ? List.of() : List.copyOf(gpuMemoryUsedMaxBytes);
        }
    }

    /** One sample; {@code timeMillis} is epoch milliseconds. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ResourceSample(long timeMillis, double processCpu, double systemCpu, long systemMemoryUsedBytes,
                                 long systemMemoryTotalBytes, long heapUsedBytes, long heapMaxBytes, long gcTimeMillis,
                                 long offHeapBytes, double diskReadBytesPerSec, double diskWriteBytesPerSec,
                                 List<GpuSample> gpus) {
        public ResourceSample {
            gpus = gpus == null ? List.of() : List.copyOf(gpus);
        }
    }

    /** One GPU's memory in a sample. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GpuSample(int index, String name, long usedBytes, long totalBytes) {
    }

    /** Something the optimizer did, e.g. a memory clean-up, and why. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Action(long timeMillis, String kind, String trigger, String detail, long bytesReleased) {
    }

    /** Advice: which rule fired, how serious it is, the evidence and what to do. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Suggestion(String rule, String severity, String message, String evidence, String action) {
    }
}
