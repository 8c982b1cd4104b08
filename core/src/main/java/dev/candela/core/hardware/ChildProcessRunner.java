package dev.candela.core.hardware;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command with a deadline and captures its output.
 *
 * <p>Output goes to temporary files rather than pipes so that a chatty child can never block on a full
 * pipe while we wait for it, and no reader threads are needed. Only the first
 * {@value #MAX_CAPTURED_BYTES} bytes of each stream are kept.
 */
final class ChildProcessRunner implements CudaProbe.ProcessRunner {

    // Generous enough for a large linker cache listing, small enough to bound a runaway child.
    static final int MAX_CAPTURED_BYTES = 1 << 20;
    private static final long REAP_MILLIS = 5_000;

    @Override
    public CudaProbe.ProcessResult run(List<String> command, Duration timeout) throws IOException {
        Path stdout = Files.createTempFile("candela-child", ".out");
        Path stderr = Files.createTempFile("candela-child", ".err");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            process.getOutputStream().close();
            boolean finished = await(process, timeout.toMillis());
            if (!finished) {
                process.destroyForcibly();
                await(process, REAP_MILLIS);
                return new CudaProbe.ProcessResult(-1, true, read(stdout), read(stderr));
            }
            return new CudaProbe.ProcessResult(process.exitValue(), false, read(stdout), read(stderr));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private static boolean await(Process process, long millis) throws InterruptedIOException {
        try {
            return process.waitFor(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + process.info().command().orElse("child"));
        }
    }

    private static String read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(MAX_CAPTURED_BYTES), StandardCharsets.UTF_8);
        }
    }
}
