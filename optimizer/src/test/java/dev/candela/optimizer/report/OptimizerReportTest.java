package dev.candela.optimizer.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptimizerReportTest {

    static OptimizerReport sample() {
        List<ResourceSample> samples = List.of(
                new ResourceSample(1_700_000_000_000L, Double.NaN, 0.6, 4L << 30, 8L << 30, 1L << 29, 1L << 31, 40,
                        1 << 20, 0, 1024, List.of(new GpuMemorySample(0, "Test GPU", 1L << 30, 16L << 30))),
                new ResourceSample(1_700_000_001_000L, 0.5, 0.7, 5L << 30, 8L << 30, 1L << 30, 1L << 31, 90,
                        2 << 20, 512, 0, List.of(new GpuMemorySample(0, "Test GPU", 2L << 30, 16L << 30))));
        return OptimizerReport.create(List.of("features", "--out", "f.csv"), 1_234_567_890L,
                new HardwareSummary("Test CPU", 2, 8L << 30, List.of(new HardwareSummary.Gpu("Test GPU", "NVIDIA", 16L << 30))),
                new Thresholds(0.75, 0.8, 0.9, true),
                List.of(new SectionProfile("indicator:rsi", 10, 1_000, 800, 100, 50, 200, 90, 190, 200, 0.8),
                        new SectionProfile("features.merge", 5, 200, 200, 40, 30, 50, 40, 50, 50, 0.2)),
                new Resources(1000, null, samples),
                List.of(new ActionTaken(1_700_000_001_000L, ActionTaken.MEMORY_CLEANUP, "heap 91.0% > 85.0%",
                        "moderate clean-up: feature-cache 1.0 MiB, gc 2.0 MiB", 3L << 20)),
                List.of(new Suggestion("hot-function", Suggestion.WARNING, "indicator:rsi takes 80.0% of the profiled time",
                        "self 800 ns", "Compute it on the GPU")));
    }

    @Test
    void savedReportLoadsBackEqual(@TempDir Path dir) throws IOException {
        OptimizerReport report = sample();
        Path file = dir.resolve("report.json");
        report.save(file);
        assertEquals(report, OptimizerReport.load(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void jsonHasTheContractsFieldNamesAndWritesUnknownNumbersAsNull() throws IOException {
        JsonNode root = new ObjectMapper().readTree(sample().toJson());
        assertEquals("candela-optimizer-report", root.get("schema").asText());
        assertEquals(1, root.get("schemaVersion").asInt());
        assertEquals(List.of("schema", "schemaVersion", "createdAt", "command", "wallNanos", "hardware", "thresholds",
                "profile", "resources", "actions", "suggestions"), names(root));
        assertEquals(List.of("cpuModel", "logicalCores", "memoryBytes", "gpus"), names(root.get("hardware")));
        assertEquals(List.of("name", "calls", "totalNanos", "selfNanos", "meanNanos", "minNanos", "maxNanos",
                "p50Nanos", "p95Nanos", "p99Nanos", "share"), names(root.get("profile").get(0)));
        assertEquals(List.of("intervalMillis", "summary", "samples"), names(root.get("resources")));
        assertEquals(List.of("processCpuMean", "processCpuMax", "systemCpuMean", "heapUsedMaxBytes", "heapMaxBytes",
                "offHeapMaxBytes", "systemMemoryUsedMaxBytes", "systemMemoryTotalBytes", "gcTimeShare",
                "diskReadBytesPerSecMean", "diskWriteBytesPerSecMean", "gpuMemoryUsedMaxBytes"),
                names(root.get("resources").get("summary")));
        JsonNode first = root.get("resources").get("samples").get(0);
        assertEquals(List.of("timeMillis", "processCpu", "systemCpu", "systemMemoryUsedBytes", "systemMemoryTotalBytes",
                "heapUsedBytes", "heapMaxBytes", "gcTimeMillis", "offHeapBytes", "diskReadBytesPerSec",
                "diskWriteBytesPerSec", "gpus"), names(first));
        assertTrue(first.get("processCpu").isNull(), "NaN is written as null");
        assertEquals(List.of("index", "name", "usedBytes", "totalBytes"), names(first.get("gpus").get(0)));
        assertEquals(List.of("timeMillis", "kind", "trigger", "detail", "bytesReleased"),
                names(root.get("actions").get(0)));
        assertEquals(List.of("rule", "severity", "message", "evidence", "action"), names(root.get("suggestions").get(0)));
    }

    @Test
    void summaryIsComputedFromTheSamples() {
        ResourceSummary s = sample().resources().summary();
        assertEquals(0.5, s.processCpuMean(), 1e-12, "the unknown first reading is skipped");
        assertEquals(0.65, s.systemCpuMean(), 1e-12);
        assertEquals(1L << 30, s.heapUsedMaxBytes());
        assertEquals(5L << 30, s.systemMemoryUsedMaxBytes());
        assertEquals(0.05, s.gcTimeShare(), 1e-12, "50 ms of GC in one second");
        assertEquals(256, s.diskReadBytesPerSecMean(), 1e-12);
        assertEquals(List.of(2L << 30), s.gpuMemoryUsedMaxBytes());
    }

    @Test
    void readerIgnoresFieldsItDoesNotKnow() {
        String json = sample().toJson().replaceFirst("\\{", "{\"addedLater\": {\"x\": [1, 2]},");
        assertEquals(sample().profile(), OptimizerReport.parse(json, "r.json").profile());
    }

    @Test
    void anotherSchemaIsRejectedNamingTheFileAndField() {
        String json = sample().toJson().replace("candela-optimizer-report", "something-else");
        ReportFormatException e = assertThrows(ReportFormatException.class, () -> OptimizerReport.parse(json, "r.json"));
        assertTrue(e.getMessage().startsWith("r.json:"), e.getMessage());
        assertTrue(e.getMessage().contains("schema must be \"candela-optimizer-report\""), e.getMessage());
    }

    @Test
    void aLaterSchemaVersionIsRejected() {
        String json = sample().toJson().replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 2");
        ReportFormatException e = assertThrows(ReportFormatException.class, () -> OptimizerReport.parse(json, "r.json"));
        assertTrue(e.getMessage().contains("schemaVersion 2 is not supported"), e.getMessage());
    }

    @Test
    void aWrongTypeIsReportedWithLineAndFieldPath() {
        String json = sample().toJson().replace("\"calls\" : 10", "\"calls\" : \"many\"");
        int line = 0;
        String[] lines = json.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("\"many\"")) {
                line = i + 1;
            }
        }
        ReportFormatException e = assertThrows(ReportFormatException.class, () -> OptimizerReport.parse(json, "r.json"));
        assertTrue(e.getMessage().startsWith("r.json:" + line + ": field profile[0].calls: "), e.getMessage());
    }

    @Test
    void brokenJsonIsReportedWithItsLine() {
        ReportFormatException e = assertThrows(ReportFormatException.class,
                () -> OptimizerReport.parse("{\n\"schema\": \"candela-optimizer-report\",\n\"x\": ]\n}", "r.json"));
        assertTrue(e.getMessage().startsWith("r.json:3: not valid JSON"), e.getMessage());
    }

    @Test
    void textSummaryListsSectionsResourcesActionsAndSuggestions() {
        String text = sample().summaryText();
        assertTrue(text.startsWith("Profile of features --out f.csv: 1.23 s wall on Test CPU"), text);
        assertTrue(text.indexOf("indicator:rsi") < text.indexOf("features.merge"), "most self time first");
        assertTrue(text.contains("80.0%"), text);
        assertTrue(text.contains("heap peak 1.0 GiB of 2.0 GiB"), text);
        assertTrue(text.contains("memory-cleanup (heap 91.0% > 85.0%)"), text);
        assertTrue(text.contains("[warning] hot-function: indicator:rsi takes 80.0%"), text);
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }
}
