package dev.candela.optimizer.report;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.candela.core.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Everything one optimizer saw in a run, as the versioned JSON document {@value #SCHEMA} version
 * {@value #SCHEMA_VERSION} (the module README documents every field). Readers ignore unknown fields, so
 * later versions may add some; a document of a later version is rejected.
 *
 * @param schema        always {@value #SCHEMA}
 * @param schemaVersion the document's version, at most {@value #SCHEMA_VERSION}
 * @param createdAt     when the report was made, ISO-8601 UTC
 * @param command       the command line that was profiled, empty when there was none
 * @param wallNanos     wall time the run took
 * @param hardware      the machine
 * @param thresholds    the limits the optimizer acted on
 * @param profile       one row per profiled section, most self time first
 * @param resources     the resource summary and time series
 * @param actions       what the optimizer did under pressure, in time order
 * @param suggestions   the findings of the suggestion rules
 */
public record OptimizerReport(String schema, int schemaVersion, String createdAt, List<String> command,
                              long wallNanos, HardwareSummary hardware, Thresholds thresholds,
                              List<SectionProfile> profile, Resources resources, List<ActionTaken> actions,
                              List<Suggestion> suggestions) {

    /** The value of {@code schema}. */
    public static final String SCHEMA = "candela-optimizer-report";
    /** The version this code writes and the newest it reads. */
    public static final int SCHEMA_VERSION = 1;

    public OptimizerReport {
        if (!SCHEMA.equals(schema)) {
            throw new IllegalArgumentException("schema must be \"" + SCHEMA + "\", was "
                    + (schema == null ? "missing" : "\"" + schema + "\""));
        }
        if (schemaVersion < 1 || schemaVersion > SCHEMA_VERSION) {
            throw new IllegalArgumentException("schemaVersion " + schemaVersion + " is not supported; this reader "
                    + "knows versions 1 to " + SCHEMA_VERSION);
        }
        Objects.requireNonNull(createdAt, "createdAt");
        try {
            Instant.parse(createdAt);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("createdAt \"" + createdAt + "\" is not an ISO-8601 instant", e);
        }
        Objects.requireNonNull(hardware, "hardware");
        Objects.requireNonNull(thresholds, "thresholds");
        command = command == null ? List.of() : List.copyOf(command);
        profile = profile == null ? List.of() : List.copyOf(profile);
        resources = resources != null ? resources : new Resources(0, null, List.of());
        actions = actions == null ? List.of() : List.copyOf(actions);
        suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
    }

    /** A report of the current schema version made now. */
    public static OptimizerReport create(List<String> command, long wallNanos, HardwareSummary hardware,
                                         Thresholds thresholds, List<SectionProfile> profile, Resources resources,
                                         List<ActionTaken> actions, List<Suggestion> suggestions) {
        return new OptimizerReport(SCHEMA, SCHEMA_VERSION, Instant.now().toString(), command, wallNanos, hardware,
                thresholds, profile, resources, actions, suggestions);
    }

    /** This report as indented JSON. */
    public String toJson() {
        try {
            return ReportJson.MAPPER.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report could not be written as JSON", e);
        }
    }

    /** Writes the report as JSON, atomically: the file is either the whole report or untouched. */
    public void save(Path file) throws IOException {
        AtomicFiles.writeString(file, toJson() + "\n");
    }

    /**
     * Reads a report.
     *
     * @throws ReportFormatException when the file is not JSON, not this schema, of a later version, or a field
     *                               has a wrong type; the message names the file, line and field
     * @throws IOException           when the file cannot be read
     */
    public static OptimizerReport load(Path file) throws IOException {
        return parse(Files.readString(file), file.toString());
    }

    /**
     * Parses a report's JSON.
     *
     * @param sourceName names the JSON's origin in error messages
     * @throws ReportFormatException as {@link #load(Path)}
     */
    public static OptimizerReport parse(String json, String sourceName) {
        try {
            return ReportJson.MAPPER.readValue(json, OptimizerReport.class);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            Throwable root = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            throw new ReportFormatException(sourceName + ":" + line(e.getLocation()) + ": "
                    + (field.isEmpty() ? "" : "field " + field + ": ") + message(root), e);
        } catch (JsonProcessingException e) {
            throw new ReportFormatException(sourceName + ":" + line(e.getLocation()) + ": not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    private static String line(JsonLocation location) {
        return location == null ? "?" : Integer.toString(location.getLineNr());
    }

    private static String message(Throwable e) {
        return e instanceof JsonMappingException m ? m.getOriginalMessage() : e.getMessage();
    }

    /** A plain-text summary for a terminal: the top sections, resources, actions and suggestions. */
    public String summaryText() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Profile of %s: %s wall on %s (%d logical cores, %s RAM)%n",
                command.isEmpty() ? "this run" : String.join(" ", command), HumanReadable.duration(wallNanos), hardware.cpuModel(),
                hardware.logicalCores(), HumanReadable.bytes(hardware.memoryBytes())));
        if (profile.isEmpty()) {
            out.append("No profiled sections ran.\n");
        } else {
            out.append(String.format(Locale.ROOT, "%-32s %9s %10s %10s %10s %10s %10s %6s%n", "section", "calls",
                    "total", "self", "mean", "p95", "p99", "share"));
            profile.stream().sorted(Comparator.comparingLong(SectionProfile::selfNanos).reversed()).limit(15)
                    .forEach(p -> out.append(String.format(Locale.ROOT, "%-32s %9d %10s %10s %10s %10s %10s %5.1f%%%n",
                            HumanReadable.abbreviate(p.name(), 32), p.calls(), HumanReadable.duration(p.totalNanos()), HumanReadable.duration(p.selfNanos()),
                            HumanReadable.duration(Math.round(p.meanNanos())), HumanReadable.duration(p.p95Nanos()), HumanReadable.duration(p.p99Nanos()),
                            100 * p.share())));
            if (profile.size() > 15) {
                out.append(String.format(Locale.ROOT, "... and %d more sections (see the JSON report)%n",
                        profile.size() - 15));
            }
        }
        ResourceSummary s = resources.summary();
        out.append(String.format(Locale.ROOT, "Resources (%d samples every %d ms): process CPU mean %s max %s, "
                        + "system CPU mean %s; heap peak %s of %s; off-heap peak %s; RAM peak %s of %s; GC %s of the time%n",
                resources.samples().size(), resources.intervalMillis(), HumanReadable.percent(s.processCpuMean()),
                HumanReadable.percent(s.processCpuMax()), HumanReadable.percent(s.systemCpuMean()), HumanReadable.bytes(s.heapUsedMaxBytes()),
                HumanReadable.bytes(s.heapMaxBytes()), HumanReadable.bytes(s.offHeapMaxBytes()),
                HumanReadable.bytes(s.systemMemoryUsedMaxBytes()), HumanReadable.bytes(s.systemMemoryTotalBytes()),
                HumanReadable.percent(s.gcTimeShare())));
        for (int g = 0; g < s.gpuMemoryUsedMaxBytes().size(); g++) {
            out.append(String.format(Locale.ROOT, "GPU %d memory peak %s%n", g,
                    HumanReadable.bytes(s.gpuMemoryUsedMaxBytes().get(g))));
        }
        out.append(String.format(Locale.ROOT, "Thresholds: CPU %s, memory %s, GPU memory %s%s%n",
                HumanReadable.percent(thresholds.cpu()), HumanReadable.percent(thresholds.memory()), HumanReadable.percent(thresholds.gpuMemory()),
                thresholds.derived() ? " (derived from the hardware where not configured)" : ""));
        if (actions.isEmpty()) {
            out.append("Actions: none\n");
        } else {
            out.append("Actions:\n");
            for (ActionTaken a : actions) {
                out.append(String.format(Locale.ROOT, "  %s %s (%s): %s%s%n", Instant.ofEpochMilli(a.timeMillis()),
                        a.kind(), a.trigger(), a.detail(),
                        a.bytesReleased() > 0 ? ", released " + HumanReadable.bytes(a.bytesReleased()) : ""));
            }
        }
        if (suggestions.isEmpty()) {
            out.append("Suggestions: none\n");
        } else {
            out.append("Suggestions:\n");
            for (Suggestion sug : suggestions) {
                out.append(String.format(Locale.ROOT, "  [%s] %s: %s%n      evidence: %s%n      action: %s%n",
                        sug.severity(), sug.rule(), sug.message(), sug.evidence(), sug.action()));
            }
        }
        return out.toString();
    }

}
