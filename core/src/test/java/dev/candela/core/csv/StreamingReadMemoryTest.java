package dev.candela.core.csv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reading streams: a file is read in a child JVM whose heap is only three times the file's size. A reader
 * that held the text, a row object per line, or a list of split strings would run out of memory.
 */
class StreamingReadMemoryTest {
    private static final int ROWS = 1_000_000;

    @Test
    void readsAMillionRowFileWithAHeapOfThreeTimesItsSize(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("big.csv");
        long start = 1_600_000_000_000L;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("timestamp,open,high,low,close,volume\n");
            StringBuilder line = new StringBuilder(96);
            for (int i = 0; i < ROWS; i++) {
                double base = 20_000 + (i % 5_000) * 0.25;
                line.setLength(0);
                line.append(start + 60_000L * i).append(',').append(base).append(',').append(base + 12.5).append(',')
                        .append(base - 7.25).append(',').append(base + 3.5).append(',').append(100 + i % 97).append('\n');
                w.append(line);
            }
        }
        long size = Files.size(file);
        long heapMiB = Math.max(64, 3 * size / (1 << 20));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx" + heapMiB + "m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), LargeFileReading.class.getName(), file.toString()))
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child did not finish");
        assertEquals(0, p.exitValue(), "file of " + (size >> 20) + " MiB with -Xmx" + heapMiB + "m:\n" + output);
        double lastBase = 20_000 + ((ROWS - 1) % 5_000) * 0.25;
        assertEquals("rows=" + ROWS + " lastClose=" + (lastBase + 3.5), output.strip());
    }
}
