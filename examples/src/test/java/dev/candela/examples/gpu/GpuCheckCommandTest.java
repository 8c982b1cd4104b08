package dev.candela.examples.gpu;

import dev.candela.cli.CandelaCli;
import dev.candela.gpu.GpuSelfCheck;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GpuCheckCommandTest {

    @Test
    void withoutAGpuRunsTheSelfTestEmulatedAndSaysSo() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = CandelaCli.run(new String[] {"gpu-check", "--symbols", "4", "--bars", "600"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        String stdout = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, () -> stdout + "\n--- stderr\n" + err.toString(StandardCharsets.UTF_8));
        int specs = GpuSelfCheck.defaultSpecs().size();
        assertTrue(stdout.contains("Verdict  no usable GPU: ") && stdout.contains(
                "; emulated self-test on nd4j-native: PASS, " + specs + " indicators agree"), stdout);
        assertTrue(stdout.contains("macd(12,26,9).signal") && stdout.contains("ema(20)"), stdout);
        assertTrue(stdout.lines().filter(l -> l.startsWith("  ") && l.contains(" gpu ")).allMatch(l -> l.endsWith("agrees")),
                stdout);
    }

    @Test
    void theSelfTestAloneSkipsTheBenchmark() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int code = CandelaCli.run(new String[] {"gpu-check", "--no-benchmark"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true,
                        StandardCharsets.UTF_8));

        String stdout = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, stdout);
        assertTrue(!stdout.contains("Benchmark") && stdout.contains("PASS"), stdout);
    }
}
