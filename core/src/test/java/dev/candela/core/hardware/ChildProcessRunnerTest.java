package dev.candela.core.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChildProcessRunnerTest {

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private static String testClassPath() throws URISyntaxException {
        return Path.of(BlockingMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    @Test
    void capturesStdoutStderrAndExitCode() throws IOException {
        CudaProbe.ProcessResult result = new ChildProcessRunner().run(List.of(JAVA, "-version"), Duration.ofSeconds(60));

        assertFalse(result.timedOut());
        assertEquals(0, result.exitCode());
        assertTrue(result.stderr().contains("version"), result.stderr());
    }

    @Test
    void reportsNonZeroExitCode() throws IOException {
        CudaProbe.ProcessResult result = new ChildProcessRunner()
                .run(List.of(JAVA, "-cp", File.separator, "no.such.MainClass"), Duration.ofSeconds(60));

        assertFalse(result.timedOut());
        assertEquals(1, result.exitCode());
        assertTrue(result.stderr().contains("no.such.MainClass"), result.stderr());
    }

    @Test
    void killsAChildThatOutlivesTheTimeout() throws IOException, URISyntaxException {
        List<String> command = List.of(JAVA, "-cp", testClassPath(), BlockingMain.class.getName());

        CudaProbe.ProcessResult result = new ChildProcessRunner().run(command, Duration.ofMillis(500));

        assertTrue(result.timedOut());
    }

    @Test
    void missingProgramFailsToStart() {
        assertThrows(IOException.class,
                () -> new ChildProcessRunner().run(List.of("/nonexistent/candela/java"), Duration.ofSeconds(5)));
    }
}
