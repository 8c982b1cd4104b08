package dev.candela.visualization.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptimizerReportReaderTest {

    @Test
    void readsTheReportIgnoringFieldsItDoesNotKnow() throws Exception {
        OptimizerReport report = OptimizerReportReader.readFromRun(RunFixtures.sampleRun()).orElseThrow();
        assertEquals(1, report.schemaVersion());
        assertEquals(3, report.profile().size());
        assertEquals("training.fit", report.profile().get(0).name());
        assertEquals(12_000_000_000L, report.profile().get(0).totalNanos());
        assertEquals(40, report.resources().samples().size());
        assertEquals(500, report.resources().intervalMillis());
        assertEquals(0.7, report.resources().summary().processCpuMean());
        assertEquals("memory-cleanup", report.actions().get(0).kind());
        assertEquals("hot-function", report.suggestions().get(0).rule());
        assertEquals("AMD EPYC", report.hardware().cpuModel());
    }

    @Test
    void aRunWithoutAReportHasNone(@TempDir Path dir) throws Exception {
        assertTrue(OptimizerReportReader.readFromRun(dir).isEmpty());
    }

    @Test
    void rejectsAValueOfTheWrongTypeNamingLineAndKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("report.json");
        Files.writeString(file, "{\"schema\":\"candela-optimizer-report\",\"schemaVersion\":1,\n\"profile\":[\n"
                + "{\"name\":\"a\",\"calls\":\"many\"}]}");
        RunDataException e = assertThrows(RunDataException.class, () -> OptimizerReportReader.read(file));
        assertEquals(3, e.line());
        assertEquals("profile[0].calls", e.key());
        assertTrue(e.getMessage().startsWith(file + ":3: key 'profile[0].calls': "), e.getMessage());
    }

    @Test
    void rejectsAnotherSchemaOrAnUnknownVersion(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("other.json");
        Files.writeString(file, "{\"schema\":\"something-else\",\"schemaVersion\":1}");
        assertEquals("schema", assertThrows(RunDataException.class, () -> OptimizerReportReader.read(file)).key());
        Files.writeString(file, "{\"schema\":\"candela-optimizer-report\",\"schemaVersion\":2}");
        assertEquals("schemaVersion",
                assertThrows(RunDataException.class, () -> OptimizerReportReader.read(file)).key());
        Files.writeString(file, "{\"schema\":");
        assertTrue(assertThrows(RunDataException.class, () -> OptimizerReportReader.read(file)).getMessage()
                .contains("not valid JSON"));
    }
}
