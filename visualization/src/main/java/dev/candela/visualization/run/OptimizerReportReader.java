package dev.candela.visualization.run;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads an {@link OptimizerReport}; errors name the file, the line and the key. */
public final class OptimizerReportReader {
    /** Where a run folder keeps the report of its profiled training. */
    public static final String RUN_REPORT_FILE = "profile.json";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private OptimizerReportReader() {
    }

    /** Reads the report in {@code file}. */
    public static OptimizerReport read(Path file) throws IOException {
        String name = file.toString();
        String text = Files.readString(file, StandardCharsets.UTF_8);
        OptimizerReport report;
        try {
            report = JSON.readValue(text, OptimizerReport.class);
        } catch (JsonMappingException e) {
            throw new RunDataException(name, line(e.getLocation()), path(e), e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new RunDataException(name, line(e.getLocation()), null, "not valid JSON: " + e.getOriginalMessage());
        }
        if (report == null) {
            throw new RunDataException(name, 1, null, "empty report");
        }
        if (!OptimizerReport.SCHEMA.equals(report.schema())) {
            throw new RunDataException(name, 0, "schema", "expected \"" + OptimizerReport.SCHEMA + "\", got "
                    + (report.schema() == null ? "nothing" : "\"" + report.schema() + "\""));
        }
        if (report.schemaVersion() != 1) {
            throw new RunDataException(name, 0, "schemaVersion", "this version reads version 1, got "
                    + report.schemaVersion());
        }
        return report;
    }

    /** The report of {@code runDirectory}'s profiled training ({@value #RUN_REPORT_FILE}) when there is one. */
    public static Optional<OptimizerReport> readFromRun(Path runDirectory) throws IOException {
        Path file = runDirectory.resolve(RUN_REPORT_FILE);
        return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
    }

    private static long line(JsonLocation location) {
        return location != null && location.getLineNr() > 0 ? location.getLineNr() : 0;
    }

    private static String path(JsonMappingException e) {
        StringBuilder key = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (key.length() > 0) {
                    key.append('.');
                }
                key.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                key.append('[').append(ref.getIndex()).append(']');
            }
        }
        return key.length() > 0 ? key.toString() : null;
    }
}
