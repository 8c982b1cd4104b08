package dev.candela.core.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AtomicFilesTest {

    private static List<Path> entries(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.sorted().toList();
        }
    }

    @Test
    void writesTheContentAndLeavesNothingElseBehind(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("result.csv");
        AtomicFiles.writeString(target, "a,b\n1,2\n");
        assertEquals("a,b\n1,2\n", Files.readString(target));
        assertEquals(List.of(target), entries(dir));
    }

    @Test
    void replacesAnExistingFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("result.csv");
        Files.writeString(target, "old content that is longer than the new");
        AtomicFiles.writeText(target, writer -> writer.write("new"));
        assertEquals("new", Files.readString(target));
        assertEquals(List.of(target), entries(dir));
    }

    @Test
    void aWriterThatThrowsMidwayLeavesNoTargetAndNoTempFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("result.csv");
        IOException failure = new IOException("disk on fire");
        IOException thrown = assertThrows(IOException.class, () -> AtomicFiles.writeText(target, writer -> {
            for (int i = 0; i < 100_000; i++) {
                writer.write("row " + i + "\n"); // more than one buffer, so the temp file has content
            }
            throw failure;
        }));
        assertSame(failure, thrown);
        assertFalse(Files.exists(target));
        assertEquals(List.of(), entries(dir));
    }

    @Test
    void aFailedWriteLeavesTheExistingTargetUntouched(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("result.csv");
        Files.writeString(target, "precious");
        assertThrows(UncheckedIOException.class, () -> AtomicFiles.write(target, stream -> {
            stream.write(new byte[200_000]);
            throw new UncheckedIOException(new IOException("unchecked failure"));
        }));
        assertEquals("precious", Files.readString(target));
        assertEquals(List.of(target), entries(dir));
    }

    @Test
    void closingTheStreamInTheCallbackIsHarmless(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("bytes.bin");
        byte[] bytes = new byte[150_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        AtomicFiles.write(target, stream -> {
            try (OutputStream out = stream) {
                out.write(bytes, 0, 10);
                out.write(bytes[10]);
                out.write(bytes, 11, bytes.length - 11);
            }
        });
        assertArrayEquals(bytes, Files.readAllBytes(target));
    }

    @Test
    void closingTheWriterInTheCallbackIsHarmless(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("text.txt");
        AtomicFiles.writeText(target, writer -> {
            try (Writer out = writer) {
                out.write("first line\n");
            }
        });
        assertEquals("first line\n", Files.readString(target));
    }

    @Test
    void createsMissingParentDirectories(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("a").resolve("b").resolve("out.txt");
        AtomicFiles.writeText(target, StandardCharsets.UTF_16, writer -> writer.write("héllo"));
        assertEquals("héllo", Files.readString(target, StandardCharsets.UTF_16));
    }

    @Test
    void failsWhenTheTargetIsADirectoryAndCleansUp(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("taken");
        Files.createDirectory(target);
        Files.writeString(target.resolve("inside"), "x");
        assertThrows(IOException.class, () -> AtomicFiles.writeString(target, "content"));
        assertEquals(List.of(target), entries(dir));
    }
}
