package dev.candela.training;

import dev.candela.spi.TrainingListener.CheckpointWritten;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Writes the checkpoints of a run on one background thread, in the order they are submitted, while the
 * next bucket trains: writing a checkpoint is mostly waiting for the disk to confirm it (every file is
 * forced before its rename), and the training thread has better things to do. Each task writes one
 * bucket's files, ending with {@code progress.json}, the commit point, so a bucket counts as finished on
 * disk only once its task is done; a crash or kill while one is pending loses at most that bucket, which
 * a resume trains again to the same result.
 *
 * <p>The tasks must read only their own copies of the model state ({@link RunFolder.ModelSnapshot}).
 * Completions are reported on the calling (training) thread, by {@link #completed} and {@link #awaitAll},
 * so listeners keep being called on that thread. The first failure is raised by the next call of either.
 */
final class CheckpointWriter implements AutoCloseable {
    /** One bucket's writes. */
    @FunctionalInterface
    interface Task {
        CheckpointWritten write() throws IOException;
    }

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "candela-checkpoint-writer");
        t.setDaemon(true);
        return t;
    });
    private final Deque<Future<CheckpointWritten>> pending = new ArrayDeque<>();
    private int written;
    /** Set on the writer thread when a task fails; the tasks after it then write nothing. */
    private boolean failed;

    /**
     * Queues {@code task} behind the pending ones. It is skipped when an earlier one failed: every task
     * ends with a {@code progress.json} that lists all buckets before it as finished.
     */
    void submit(Task task) {
        pending.addLast(thread.submit(() -> {
            if (failed) {
                throw new CancellationException("an earlier checkpoint failed");
            }
            try {
                return task.write();
            } catch (IOException e) {
                failed = true;
                throw new UncheckedIOException(e);
            } catch (RuntimeException | Error e) {
                failed = true;
                throw e;
            }
        }));
    }

    /**
     * Hands the checkpoints finished since the last call to {@code written}, in order, without waiting for
     * the others; then raises the failure of the first failed task, if one failed.
     */
    void completed(Consumer<CheckpointWritten> written) throws IOException {
        while (!pending.isEmpty() && pending.peekFirst().isDone()) {
            written.accept(result(pending.pollFirst()));
        }
    }

    /**
     * Waits for every pending task, handing each finished checkpoint to {@code written} in order; then
     * raises the failure of the first failed task, if one failed.
     */
    void awaitAll(Consumer<CheckpointWritten> written) throws IOException {
        while (!pending.isEmpty()) {
            written.accept(result(pending.pollFirst()));
        }
    }

    /** How many tasks have finished, as seen through {@link #completed} and {@link #awaitAll}. */
    int written() {
        return written;
    }

    private CheckpointWritten result(Future<CheckpointWritten> future) throws IOException {
        try {
            CheckpointWritten result = future.get();
            written++;
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted waiting for a checkpoint");
            interrupted.initCause(e);
            throw interrupted;
        } catch (CancellationException e) {
            throw new IOException("a checkpoint write was cancelled", e);
        } catch (ExecutionException e) {
            // The tasks after this one are skipped (see submit): their results say nothing more.
            pending.clear();
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException("checkpoint write failed", cause);
        }
    }

    /** Stops the thread once the queued tasks have run; {@link #awaitAll} first to see their results. */
    @Override
    public void close() {
        thread.shutdown();
    }
}
