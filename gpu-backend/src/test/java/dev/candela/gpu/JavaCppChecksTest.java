package dev.candela.gpu;

import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JavaCPP reads its limit once, when {@code Pointer} loads, so each case runs in a fresh JVM whose first
 * ND4J call is {@link Nd4jThreads#apply(int)}.
 */
class JavaCppChecksTest {

    /** Child JVM: applies one thread, then prints the limit JavaCPP works with. */
    public static void main(String[] args) {
        Nd4jThreads.apply(1);
        System.out.println("maxPhysicalBytes=" + Pointer.maxPhysicalBytes());
    }

    private static long childLimit(String... jvmOptions) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), JavaCppChecksTest.class.getName()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child JVM ends");
        assertEquals(0, child.exitValue(), output);
        String line = output.lines().filter(l -> l.startsWith("maxPhysicalBytes=")).findFirst().orElseThrow(
                () -> new AssertionError("no limit printed:\n" + output));
        return Long.parseLong(line.substring("maxPhysicalBytes=".length()));
    }

    @Test
    void theCheckIsOffWhenCandelaLoadsNd4jAndTheUsersLimitIsKept() throws Exception {
        assertEquals(0, childLimit());
        assertEquals(3L << 30, childLimit("-Dorg.bytedeco.javacpp.maxPhysicalBytes=3g"));
        assertEquals(3L << 30, childLimit("-Dorg.bytedeco.javacpp.maxphysicalbytes=3g"));
    }
}
