package dev.candela.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candela.spi.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResumeAfterKillTest {

    @Test
    void resumeAfterKillEndsWithSameResultAsUninterruptedRun(@TempDir Path dir) throws Exception {
        Path killed = dir.resolve("killed");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                Runs.class.getName(), killed.toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        int finished = 0;
        try {
            // Wait for a middle bucket's commit point, then kill without warning.
            while (child.isAlive()) {
                finished = finishedBuckets(killed);
                if (finished >= 2) {
                    break;
                }
                Thread.onSpinWait();
                TimeUnit.MILLISECONDS.sleep(5);
            }
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
        finished = finishedBuckets(killed);
        assertTrue(finished >= 2 && finished < 6, "the child was killed mid-run, after " + finished + " buckets; log: "
                + Files.readString(dir.resolve("child.log")));

        TrainingListener.RunEnded resumed = Runs.train(Runs.resumableTable(), Runs.RESUMABLE, killed, true,
                new TrainingListener() { });
        TrainingListener.RunEnded whole = Runs.train(Runs.resumableTable(), Runs.RESUMABLE, dir.resolve("whole"), false,
                new TrainingListener() { });

        assertTrue(resumed.completed());
        assertEquals(whole.buckets(), resumed.buckets());
        assertEquals(whole.summary(), resumed.summary());
        assertEquals(Runs.checkpoint(dir.resolve("whole"), 5).params(), Runs.checkpoint(killed, 5).params());
        String log = Files.readString(killed.resolve("events.jsonl"));
        assertTrue(log.contains("\"firstBucket\":" + finished), "the resumed run appended to the same log");
        assertTrue(new File(killed.toFile(), "summary.json").isFile());
    }

    private static int finishedBuckets(Path run) {
        Path progress = run.resolve(RunFolder.PROGRESS);
        if (!Files.isRegularFile(progress)) {
            return 0;
        }
        try {
            return new ObjectMapper().readTree(progress.toFile()).get("finishedBuckets").asInt();
        } catch (java.io.IOException e) {
            // progress.json is replaced atomically, so a read sees a whole file; only a race with the
            // rename itself can fail, and the next poll reads again.
            return 0;
        }
    }
}
