package dev.candela.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.candela.spi.TrainingListener;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Appends every training event to {@code <run>/events.jsonl}, one JSON object per line, flushed as it
 * happens: {@code {"type":"bucket-ended","event":{...}}}. Property names are the SPI records' component
 * names, paths are written relative to the run folder where they lie inside it, and non-finite numbers
 * as {@code null}. Opening appends, so a resumed run continues the same log.
 */
public final class EventLogListener implements TrainingListener, Closeable {
    /** The log's file name inside a run folder. */
    public static final String FILE_NAME = "events.jsonl";

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private final Path runDirectory;
    private final BufferedWriter writer;

    private EventLogListener(Path runDirectory, BufferedWriter writer) {
        this.runDirectory = runDirectory;
        this.writer = writer;
    }

    /** Opens (creating or appending to) the event log of {@code runDirectory}. */
    public static EventLogListener open(Path runDirectory) throws IOException {
        Files.createDirectories(runDirectory);
        BufferedWriter writer = Files.newBufferedWriter(runDirectory.resolve(FILE_NAME), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        return new EventLogListener(runDirectory, writer);
    }

    @Override
    public void onRunStart(RunStarted e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runId", e.runId());
        m.put("trainer", e.trainer());
        m.put("bucketCount", e.bucketCount());
        m.put("firstBucket", e.firstBucket());
        m.put("epochMillis", e.epochMillis());
        write("run-started", m);
    }

    @Override
    public void onBucketStart(BucketStarted e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bucket", e.bucket());
        m.put("bucketCount", e.bucketCount());
        m.put("fromMillis", e.fromMillis());
        m.put("toMillis", e.toMillis());
        m.put("trainRows", e.trainRows());
        m.put("validationRows", e.validationRows());
        write("bucket-started", m);
    }

    @Override
    public void onEpochEnd(EpochEnded e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bucket", e.bucket());
        m.put("epoch", e.epoch());
        m.put("trainLoss", number(e.trainLoss()));
        m.put("validationLoss", number(e.validationLoss()));
        m.put("metrics", metrics(e.metrics()));
        m.put("elapsedNanos", e.elapsedNanos());
        write("epoch-ended", m);
    }

    @Override
    public void onTransfer(TransferDone e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fromBucket", e.fromBucket());
        m.put("toBucket", e.toBucket());
        m.put("mode", e.mode());
        m.put("bytes", e.bytes());
        write("transfer-done", m);
    }

    @Override
    public void onCheckpoint(CheckpointWritten e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bucket", e.bucket());
        m.put("path", path(e.path()));
        m.put("bytes", e.bytes());
        write("checkpoint-written", m);
    }

    @Override
    public void onBucketEnd(BucketEnded e) {
        write("bucket-ended", bucketEnded(e));
    }

    @Override
    public void onRunEnd(RunEnded e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runId", e.runId());
        m.put("runDirectory", e.runDirectory().toString());
        List<Object> buckets = new ArrayList<>();
        for (BucketEnded b : e.buckets()) {
            buckets.add(bucketEnded(b));
        }
        m.put("buckets", buckets);
        m.put("summary", metrics(e.summary()));
        m.put("completed", e.completed());
        write("run-ended", m);
    }

    /** A bucket-ended event as JSON data (also used for {@code summary.json}). */
    static Map<String, Object> bucketEnded(BucketEnded e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bucket", e.bucket());
        m.put("epochs", e.epochs());
        m.put("metrics", metrics(e.metrics()));
        return m;
    }

    /** Metrics sorted by name, non-finite values as {@code null}. */
    static Map<String, Object> metrics(Map<String, Double> metrics) {
        Map<String, Object> sorted = new TreeMap<>();
        metrics.forEach((k, v) -> sorted.put(k, number(v)));
        return sorted;
    }

    private static Object number(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private String path(Path path) {
        Path base = runDirectory.toAbsolutePath().normalize();
        Path absolute = path.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(base) ? base.relativize(absolute) : path;
        return shown.toString().replace('\\', '/');
    }

    private void write(String type, Map<String, Object> event) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", type);
        line.put("event", event);
        try {
            writer.write(MAPPER.writeValueAsString(line));
            writer.newLine();
            writer.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event data always serialises", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + runDirectory.resolve(FILE_NAME), e);
        }
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
