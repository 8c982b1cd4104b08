package dev.candela.training;

import dev.candela.spi.TrainingListener.CheckpointWritten;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointWriterTest {

    private static CheckpointWritten written(int bucket) {
        return new CheckpointWritten(bucket, Path.of("buckets", "00" + bucket, "checkpoint.zip"), 100 + bucket);
    }

    @Test
    void tasksRunInOrderOffTheCallingThreadAndAreReportedInOrder() throws Exception {
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch release = new CountDownLatch(1);
        try (CheckpointWriter writer = new CheckpointWriter()) {
            for (int k = 0; k < 3; k++) {
                int bucket = k;
                writer.submit(() -> {
                    if (bucket == 1) {
                        try {
                            assertTrue(release.await(10, TimeUnit.SECONDS));
                        } catch (InterruptedException e) {
                            throw new java.io.InterruptedIOException();
                        }
                    }
                    threads.add(Thread.currentThread().getName());
                    order.add(bucket);
                    return written(bucket);
                });
            }
            // Bucket 1 is held back, so at most bucket 0 can be reported yet, and nothing after the gap.
            Thread.sleep(50);
            List<CheckpointWritten> reported = new ArrayList<>();
            writer.completed(reported::add);
            assertTrue(reported.isEmpty() || reported.equals(List.of(written(0))), reported.toString());
            release.countDown();
            writer.awaitAll(reported::add);
            assertEquals(List.of(written(0), written(1), written(2)), reported);
            assertEquals(3, writer.written());
            assertEquals(List.of(0, 1, 2), order);
            assertTrue(threads.stream().allMatch(name -> name.equals("candela-checkpoint-writer")), threads.toString());
            writer.completed(reported::add);
            assertEquals(3, reported.size());
        }
    }

    @Test
    void aFailureIsRaisedOnTheCallingThreadAndTheLaterTasksWriteNothing() {
        List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
        try (CheckpointWriter writer = new CheckpointWriter()) {
            writer.submit(() -> {
                ran.add(0);
                return written(0);
            });
            writer.submit(() -> {
                throw new IOException("disk full writing bucket 1");
            });
            writer.submit(() -> {
                ran.add(2);   // its progress.json would claim bucket 1 finished
                return written(2);
            });
            List<CheckpointWritten> reported = new ArrayList<>();
            IOException e = assertThrows(IOException.class, () -> writer.awaitAll(reported::add));
            assertEquals("disk full writing bucket 1", e.getMessage());
            assertEquals(List.of(written(0)), reported, "what was written before the failure is still reported");
            assertEquals(List.of(0), ran);
            assertEquals(1, writer.written(), "only bucket 0 is on disk");
        }
    }
}
