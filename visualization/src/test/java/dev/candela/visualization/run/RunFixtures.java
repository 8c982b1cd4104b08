package dev.candela.visualization.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The sample run folder under test resources: 5 buckets, a config and an optimizer report. */
public final class RunFixtures {
    /** Buckets in the sample run. */
    public static final int SAMPLE_BUCKETS = 5;

    private RunFixtures() {
    }

    /** The sample run folder (read-only: copy it before changing anything). */
    public static Path sampleRun() {
        try {
            return Path.of(RunFixtures.class.getResource("/runs/sample/events.jsonl").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sample's event lines. */
    public static List<String> sampleEvents() {
        try {
            return Files.readAllLines(sampleRun().resolve("events.jsonl"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code lines} as the events file of a new run folder {@code dir}. */
    public static Path runWith(Path dir, List<String> lines) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve("events.jsonl"), lines);
        return dir;
    }
}
