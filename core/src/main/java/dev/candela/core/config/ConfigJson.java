package dev.candela.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Reads and writes {@link CandelaConfig} JSON, turning Jackson's failures into {@link ConfigException}s
 * that name the key's full path, the source and the line.
 */
final class ConfigJson {

    // Strict on purpose: no "4" for 4, no 2.5 for an integer, no duplicate keys, nothing after the object.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ConfigJson() {
    }

    static CandelaConfig parse(String json, String source) {
        if (json.isBlank()) {
            throw ConfigException.unusable("the configuration is empty; write {} to use the defaults", source, 0, null);
        }
        try {
            return MAPPER.readValue(json, CandelaConfig.class);
        } catch (UnrecognizedPropertyException e) {
            String key = keyPath(e, e.getPropertyName());
            throw ConfigException.unknownKey(key, source, lineOf(json, key, e), e.getKnownPropertyIds(), e);
        } catch (JsonMappingException e) {
            throw invalidValue(e, json, source);
        } catch (JsonProcessingException e) {
            throw ConfigException.unusable("malformed JSON" + column(e.getLocation()) + ": " + e.getOriginalMessage(),
                    source, line(e.getLocation()), e);
        }
    }

    static String write(CandelaConfig config) {
        try {
            return MAPPER.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            // Records of numbers, booleans and enums always serialise; failing here is a programming error.
            throw new IllegalStateException("cannot serialise configuration", e);
        }
    }

    private static ConfigException invalidValue(JsonMappingException e, String json, String source) {
        // A rule broken inside a record's constructor: the record knows the key, we know the line.
        ConfigException rule = causeOfType(e, ConfigException.class);
        if (rule != null && rule.key().isPresent()) {
            String key = rule.key().get();
            return ConfigException.invalidValue(key, rule.problem(), source, lineOf(json, key, e), e);
        }
        String key = keyPath(e, null);
        int line = lineOf(json, key, e);
        if (key.isEmpty()) {
            // Failures without a key concern the document itself: not an object, or more after it.
            String problem = json.strip().startsWith("{")
                    ? "unexpected content after the configuration object"
                    : "expected a JSON object with configuration keys";
            return ConfigException.unusable(problem, source, line, e);
        }
        IllegalArgumentException parseFailure = causeOfType(e, IllegalArgumentException.class);
        String problem;
        if (parseFailure != null && parseFailure.getMessage() != null) {
            problem = parseFailure.getMessage();
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            problem = "expected " + describe(mismatch.getTargetType())
                    + (e instanceof InvalidFormatException format ? ", was '" + format.getValue() + "'" : "");
        } else {
            problem = e.getOriginalMessage();
        }
        return ConfigException.invalidValue(key, problem, source, line, e);
    }

    /** The dotted path of the failing key, e.g. {@code optimizer.thresholds.cpu}. */
    private static String keyPath(JsonMappingException e, String lastName) {
        StringBuilder path = new StringBuilder();
        List<JsonMappingException.Reference> references = e.getPath();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        boolean endsWithName = !references.isEmpty()
                && lastName != null && lastName.equals(references.get(references.size() - 1).getFieldName());
        if (lastName != null && !endsWithName) {
            path.append(path.length() > 0 ? "." : "").append(lastName);
        }
        return path.toString();
    }

    /**
     * The line of the key. Jackson's own location is no help here: records are built from buffered
     * properties, so by the time a problem is reported the parser stands at the end of the object.
     */
    private static int lineOf(String json, String key, JsonProcessingException e) {
        int line = key.isEmpty() ? 0 : lineOfKey(json, key);
        return line > 0 ? line : line(e.getLocation());
    }

    /** The line on which {@code dottedKey} is written, or 0 when the text does not hold it. */
    static int lineOfKey(String json, String dottedKey) {
        try (JsonParser parser = MAPPER.getFactory().createParser(json)) {
            // Names of the enclosing objects, outermost first; the root object has none ("").
            Deque<String> objects = new ArrayDeque<>();
            String lastField = null;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                switch (token) {
                    case FIELD_NAME -> {
                        lastField = parser.currentName();
                        if (dottedPath(objects, lastField).equals(dottedKey)) {
                            return parser.currentTokenLocation().getLineNr();
                        }
                    }
                    case START_OBJECT -> {
                        objects.addLast(lastField == null ? "" : lastField);
                        lastField = null;
                    }
                    case END_OBJECT -> objects.pollLast();
                    // The configuration has no arrays; keys inside one are not configuration keys.
                    case START_ARRAY -> parser.skipChildren();
                    default -> {
                        // scalar values carry no keys
                    }
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    private static String dottedPath(Deque<String> objects, String field) {
        StringBuilder path = new StringBuilder();
        for (String name : objects) {
            if (!name.isEmpty()) {
                path.append(name).append('.');
            }
        }
        return path.append(field).toString();
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == BackendChoice.class) {
            return "one of auto, cpu, gpu";
        }
        if (type.isRecord()) {
            return "an object";
        }
        return type.getSimpleName();
    }

    private static <T extends Throwable> T causeOfType(Throwable failure, Class<T> type) {
        Throwable current = failure.getCause();
        for (int depth = 0; current != null && depth < 8; depth++) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            current = current.getCause();
        }
        return null;
    }

    private static int line(JsonLocation location) {
        return location == null ? 0 : Math.max(0, location.getLineNr());
    }

    private static String column(JsonLocation location) {
        return location == null || location.getColumnNr() <= 0 ? "" : " at column " + location.getColumnNr();
    }
}
