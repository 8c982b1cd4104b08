package dev.candela.visualization.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.candela.spi.TrainingListener;
import dev.candela.spi.TrainingListener.BucketEnded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a training run folder's {@code events.jsonl} (one {@code {"type":...,"event":{...}}} object per
 * line, property names those of the {@link TrainingListener} event records) and replays it into a
 * {@link TrainingRunRecorder}.
 *
 * <p>Unknown properties and unknown event types are ignored, so newer writers stay readable. A last
 * line that is not complete JSON is ignored too: it is what a run killed mid-write leaves. Any other bad
 * line fails with a {@link RunDataException} naming the file, the line and the key.
 */
public final class TrainingRunReader {
    /** The events file's name inside a run folder. */
    public static final String EVENTS_FILE = "events.jsonl";
    /** The effective training configuration inside a run folder. */
    public static final String CONFIG_FILE = "config.json";

    private static final Logger LOG = LoggerFactory.getLogger(TrainingRunReader.class);
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private TrainingRunReader() {
    }

    /** Reads {@code runDirectory/events.jsonl} into a run. */
    public static TrainingRun read(Path runDirectory) throws IOException {
        TrainingRunRecorder recorder = new TrainingRunRecorder();
        replay(runDirectory.resolve(EVENTS_FILE), recorder);
        return recorder.snapshot();
    }

    /** Reads the run folder's {@code config.json} when there is one. */
    public static Optional<JsonNode> readConfig(Path runDirectory) throws IOException {
        Path file = runDirectory.resolve(CONFIG_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            return Optional.of(JSON.readTree(text));
        } catch (JsonProcessingException e) {
            throw new RunDataException(file.toString(), e.getLocation() != null ? e.getLocation().getLineNr() : 0,
                    null, "not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Replays every event of {@code eventsFile} into {@code listener}, in file order. */
    public static void replay(Path eventsFile, TrainingListener listener) throws IOException {
        String name = eventsFile.toString();
        try (BufferedReader reader = Files.newBufferedReader(eventsFile, StandardCharsets.UTF_8)) {
            String line = reader.readLine();
            long number = 0;
            while (line != null) {
                number++;
                String next = reader.readLine();
                if (!line.isBlank()) {
                    JsonNode node;
                    try {
                        node = JSON.readTree(line);
                    } catch (JsonProcessingException e) {
                        if (next == null) {
                            LOG.warn("{}:{}: ignoring an incomplete last line (the run stopped mid-write)", name, number);
                            return;
                        }
                        throw new RunDataException(name, number, null, "not valid JSON: " + e.getOriginalMessage());
                    }
                    dispatch(new Line(name, number, node), listener);
                }
                line = next;
            }
        }
    }

    /** Replays one already parsed {@code events.jsonl} object; {@code source} and {@code line} name it in errors. */
    static void dispatch(Line line, TrainingListener listener) throws RunDataException {
        JsonNode root = line.node;
        if (!root.isObject()) {
            throw line.error(null, "expected a JSON object");
        }
        String type = line.text(new Node(root, ""), "type");
        JsonNode e = root.get("event");
        if (e == null || !e.isObject()) {
            throw line.error("event", "missing or not an object");
        }
        Node at = new Node(e, "event");
        switch (type) {
            case "run-started" -> listener.onRunStart(new TrainingListener.RunStarted(line.text(at, "runId"),
                    line.text(at, "trainer"), line.integer(at, "bucketCount"),
                    line.integer(at, "firstBucket"), line.longValue(at, "epochMillis")));
            case "bucket-started" -> listener.onBucketStart(new TrainingListener.BucketStarted(
                    line.integer(at, "bucket"), line.integer(at, "bucketCount"),
                    line.longValue(at, "fromMillis"), line.longValue(at, "toMillis"),
                    line.integer(at, "trainRows"), line.integer(at, "validationRows")));
            case "epoch-ended" -> listener.onEpochEnd(new TrainingListener.EpochEnded(line.integer(at, "bucket"),
                    line.integer(at, "epoch"), line.number(at, "trainLoss"),
                    line.number(at, "validationLoss"), line.metrics(at, "metrics"),
                    line.longValue(at, "elapsedNanos")));
            case "transfer-done" -> listener.onTransfer(new TrainingListener.TransferDone(
                    line.integer(at, "fromBucket"), line.integer(at, "toBucket"),
                    line.text(at, "mode"), line.longValue(at, "bytes")));
            case "checkpoint-written" -> listener.onCheckpoint(new TrainingListener.CheckpointWritten(
                    line.integer(at, "bucket"), line.path(at, "path"),
                    line.longValue(at, "bytes")));
            case "bucket-ended" -> listener.onBucketEnd(line.bucketEnded(at));
            case "run-ended" -> {
                JsonNode list = e.get("buckets");
                List<BucketEnded> buckets = new ArrayList<>();
                if (list != null && !list.isNull()) {
                    if (!list.isArray()) {
                        throw line.error("event.buckets", "expected an array");
                    }
                    for (int i = 0; i < list.size(); i++) {
                        buckets.add(line.bucketEnded(new Node(list.get(i), "event.buckets[" + i + "]")));
                    }
                }
                JsonNode dir = e.get("runDirectory");
                listener.onRunEnd(new TrainingListener.RunEnded(line.text(at, "runId"),
                        Path.of(dir != null && dir.isTextual() ? dir.asText() : ""), buckets,
                        line.metrics(at, "summary"), line.bool(at, "completed")));
            }
            default -> LOG.debug("{}:{}: ignoring unknown event type '{}'", line.file, line.number, type);
        }
    }

    /** One line of an events file, with accessors whose errors name the file, the line and the key. */
    record Line(String file, long number, JsonNode node) {

        RunDataException error(String key, String detail) {
            return new RunDataException(file, number, key, detail);
        }

        private JsonNode required(Node at, String name) throws RunDataException {
            JsonNode v = at.node().get(name);
            if (v == null || v.isMissingNode()) {
                throw error(at.key(name), "missing");
            }
            return v;
        }

        String text(Node at, String name) throws RunDataException {
            JsonNode v = required(at, name);
            if (!v.isTextual()) {
                throw error(at.key(name), "expected a string, got " + v);
            }
            return v.asText();
        }

        int integer(Node at, String name) throws RunDataException {
            JsonNode v = required(at, name);
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw error(at.key(name), "expected an integer, got " + v);
            }
            return v.intValue();
        }

        long longValue(Node at, String name) throws RunDataException {
            JsonNode v = required(at, name);
            if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                throw error(at.key(name), "expected an integer, got " + v);
            }
            return v.longValue();
        }

        Path path(Node at, String name) throws RunDataException {
            String text = text(at, name);
            try {
                return Path.of(text);
            } catch (InvalidPathException e) {
                throw error(at.key(name), "not a file path: " + e.getMessage());
            }
        }

        boolean bool(Node at, String name) throws RunDataException {
            JsonNode v = required(at, name);
            if (!v.isBoolean()) {
                throw error(at.key(name), "expected true or false, got " + v);
            }
            return v.booleanValue();
        }

        /** A number; {@code null} (how writers spell NaN and infinities) reads as {@code NaN}. */
        double number(Node at, String name) throws RunDataException {
            JsonNode v = required(at, name);
            if (v.isNull()) {
                return Double.NaN;
            }
            if (!v.isNumber()) {
                throw error(at.key(name), "expected a number or null, got " + v);
            }
            return v.doubleValue();
        }

        /** An object of metric name to number (or {@code null}); absent reads as empty. */
        Map<String, Double> metrics(Node at, String name) throws RunDataException {
            JsonNode v = at.node().get(name);
            if (v == null || v.isNull()) {
                return Map.of();
            }
            if (!v.isObject()) {
                throw error(at.key(name), "expected an object of metric values, got " + v);
            }
            Node metrics = new Node(v, at.key(name));
            Map<String, Double> values = new LinkedHashMap<>();
            for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
                String metric = it.next();
                values.put(metric, number(metrics, metric));
            }
            return values;
        }

        BucketEnded bucketEnded(Node at) throws RunDataException {
            if (!at.node().isObject()) {
                throw error(at.path(), "expected an object");
            }
            return new BucketEnded(integer(at, "bucket"), integer(at, "epochs"), metrics(at, "metrics"));
        }
    }

    /** A JSON object and its dotted path from the line's root, for error messages. */
    record Node(JsonNode node, String path) {
        String key(String name) {
            return path.isEmpty() ? name : path + "." + name;
        }
    }
}
