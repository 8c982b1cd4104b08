package dev.candela.core.io;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files atomically: readers of the target see either its old content or the complete new
 * content, never a partial file, and a failed write leaves the target as it was.
 *
 * <p>The content goes to a hidden temporary file in the target's directory (the same file system, so
 * that the final rename is atomic), is forced to disk, and is then moved over the target with
 * {@link StandardCopyOption#ATOMIC_MOVE}. If anything fails, the content callback included, the temporary
 * file is deleted and the exception propagates. Missing parent directories are created.
 */
public final class AtomicFiles {
    private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);
    private static final int BUFFER_SIZE = 1 << 16;

    private AtomicFiles() {
    }

    /**
     * Writes the bytes {@code content} produces to {@code target}. The stream is buffered; closing it in
     * the callback is allowed and only flushes.
     */
    public static void write(Path target, IoConsumer<? super OutputStream> content) throws IOException {
        Objects.requireNonNull(content, "content");
        Path absolute = target.toAbsolutePath().normalize();
        Path directory = absolute.getParent();
        if (directory == null || absolute.getFileName() == null) {
            throw new IOException("Not a file path: " + target);
        }
        Files.createDirectories(directory);
        Path temp = createTempFile(directory, absolute.getFileName().toString());
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream stream = new KeepOpenOutputStream(Channels.newOutputStream(channel));
                content.accept(stream);
                stream.flush();
                channel.force(true);
            }
            move(temp, absolute);
        } catch (Throwable failure) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                failure.addSuppressed(cleanup);
            }
            throw failure;
        }
    }

    /** Writes the text {@code content} produces to {@code target} in UTF-8. */
    public static void writeText(Path target, IoConsumer<? super Writer> content) throws IOException {
        writeText(target, StandardCharsets.UTF_8, content);
    }

    /**
     * Writes the text {@code content} produces to {@code target} in {@code charset}. The writer is
     * buffered; closing it in the callback is allowed and only flushes.
     */
    public static void writeText(Path target, Charset charset, IoConsumer<? super Writer> content)
            throws IOException {
        Objects.requireNonNull(content, "content");
        write(target, stream -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(stream, charset), BUFFER_SIZE) {
                @Override
                public void close() throws IOException {
                    flush(); // the file is closed once it is complete, not by the callback
                }
            };
            content.accept(writer);
            writer.flush();
        });
    }

    /** Writes {@code text} to {@code target} in UTF-8. */
    public static void writeString(Path target, CharSequence text) throws IOException {
        Objects.requireNonNull(text, "text");
        writeText(target, writer -> writer.append(text));
    }

    private static Path createTempFile(Path directory, String targetName) throws IOException {
        // Not Files.createTempFile: it makes the file owner-only, and the rename would carry that over.
        while (true) {
            Path temp = directory.resolve("." + targetName + "." + Long.toHexString(ThreadLocalRandom.current()
                    .nextLong() & Long.MAX_VALUE) + ".tmp");
            try {
                Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temp;
            } catch (FileAlreadyExistsException taken) {
                // Another writer drew the same name; draw again.
            }
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException unsupported) {
            // Some file systems (certain network and FUSE mounts) cannot rename atomically; a plain
            // replacing move is the best they offer, and still never exposes a partial file on success.
            LOG.warn("The file system of {} cannot move atomically; replacing it non-atomically", target);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Buffers writes and turns {@code close()} into {@code flush()}, so that callbacks may close what they
     * were given without closing the channel before it is forced to disk.
     */
    private static final class KeepOpenOutputStream extends FilterOutputStream {
        private final byte[] buffer = new byte[BUFFER_SIZE];
        private int count;

        KeepOpenOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            if (count == buffer.length) {
                drain();
            }
            buffer[count++] = (byte) b;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, bytes.length);
            if (length >= buffer.length) {
                drain();
                out.write(bytes, offset, length);
                return;
            }
            if (length > buffer.length - count) {
                drain();
            }
            System.arraycopy(bytes, offset, buffer, count, length);
            count += length;
        }

        @Override
        public void flush() throws IOException {
            drain();
            out.flush();
        }

        @Override
        public void close() throws IOException {
            flush();
        }

        private void drain() throws IOException {
            if (count > 0) {
                out.write(buffer, 0, count);
                count = 0;
            }
        }
    }
}
