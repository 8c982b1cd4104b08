package org.example.schaff;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged jar, dropped into a plugins folder, is picked up by the {@code candela} CLI in a JVM whose
 * class path does not hold the plugin: what a user does with a downloaded plugin.
 */
class PluginsFolderIT {

    @Test
    void theCliListsAndComputesTheIndicatorFromAPluginsFolder(@TempDir Path dir) throws Exception {
        Path jar = Path.of(System.getProperty("plugin.jar"));
        assertTrue(Files.isRegularFile(jar), "packaged plugin jar " + jar);
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(jar, plugins.resolve(jar.getFileName()));

        Result without = candela(dir, "indicators", "--list");
        assertEquals(0, without.code, without.output);
        assertTrue(without.output.lines().noneMatch(l -> l.startsWith("stc")), "no plugin on the host's class path");

        Result list = candela(dir, "--plugins", plugins.toString(), "indicators", "--list");
        assertEquals(0, list.code, list.output);
        assertTrue(list.output.lines().anyMatch(l -> l.startsWith("stc")), list.output);

        Path out = dir.resolve("stc.csv");
        Result computed = candela(dir, "--plugins", plugins.toString(), "--backend", "cpu", "indicators",
                "--indicators", "stc(23,50,10,0.5),rsi(14)", "--out", out.toString());
        assertEquals(0, computed.code, computed.output);
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals("timestamp,\"stc(23,50,10,0.5)\",rsi(14)", lines.get(0), "RFC 4180 quotes the spec's commas");
        int lookback = 49 + 2 * 9;
        String[] warm = lines.get(lookback).split(",", -1);
        String[] first = lines.get(1 + lookback).split(",", -1);
        assertEquals("", warm[1], "warm-up value is an empty field");
        double value = Double.parseDouble(first[1]);
        assertTrue(value >= 0 && value <= 100, "first stc value " + value);
    }

    private record Result(int code, String output) {
    }

    /** Runs the CLI in a child JVM on this test's class path minus the plugin's own classes. */
    private static Result candela(Path workDir, String... args) throws IOException, InterruptedException {
        String hostClassPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(PluginsFolderIT::isHostEntry)
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-Xmx1g", "-cp", hostClassPath,
                "dev.candela.cli.CandelaCli"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().put("OMP_NUM_THREADS", "2");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("candela " + String.join(" ", args) + " did not finish\n" + output);
        }
        return new Result(process.exitValue(), output);
    }

    /** Everything but this module's classes folders and its jar. */
    private static boolean isHostEntry(String entry) {
        Path name = Path.of(entry).getFileName();
        return !entry.endsWith("classes") && !name.toString().startsWith("schaff-trend-cycle");
    }
}
