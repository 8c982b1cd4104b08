package dev.candela.training;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Reads {@link TrainingSettings} strictly: the given JSON is merged over the defaults (objects key by key,
 * arrays and scalars replaced whole), then bound to the records, which check their rules. Every failure
 * becomes a {@link TrainingConfigException} naming the key's full path and, for a file, the line.
 */
final class SettingsJson {
    private static final String DEFAULTS_RESOURCE = "training-defaults.json";

    // Strict on purpose: no "4" for 4, no 2.5 for an integer, no duplicate keys, nothing after the object.
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private static final ObjectNode DEFAULTS = loadDefaults();

    private SettingsJson() {
    }

    static TrainingSettings defaults() {
        return bind(DEFAULTS.deepCopy(), null, "the training defaults");
    }

    static TrainingSettings read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String source = file.toString();
        if (text.isBlank()) {
            throw new TrainingConfigException("the training configuration " + source
                    + " is empty; write {} to use the defaults", null, 0, null);
        }
        JsonNode given;
        try {
            given = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new TrainingConfigException("malformed JSON in " + source + where(line) + ": "
                    + e.getOriginalMessage(), null, line, e);
        }
        return merged(given, text, source);
    }

    static TrainingSettings fromMap(Map<String, ?> config, String source) {
        Objects.requireNonNull(config, "config");
        return merged(MAPPER.valueToTree(config), null, source);
    }

    /** Without null values (a left-out key means the same), so the map suits {@code Map.copyOf}. */
    static Map<String, Object> toMap(TrainingSettings settings) {
        Map<String, Object> map = MAPPER.convertValue(settings, new TypeReference<Map<String, Object>>() {
        });
        return withoutNulls(map);
    }

    @SuppressWarnings("unchecked")
    private static <T> T withoutNulls(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (v != null) {
                    out.put((String) k, withoutNulls(v));
                }
            });
            return (T) out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object item : list) {
                out.add(withoutNulls(item));
            }
            return (T) out;
        }
        return value;
    }

    static String toJson(TrainingSettings settings) {
        try {
            return MAPPER.writeValueAsString(settings) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("settings records always serialise", e);
        }
    }

    private static TrainingSettings merged(JsonNode given, String text, String source) {
        if (!(given instanceof ObjectNode object)) {
            throw new TrainingConfigException("the training configuration " + source
                    + " must be a JSON object", null, 0, null);
        }
        ObjectNode merged = DEFAULTS.deepCopy();
        merge(merged, object);
        return bind(merged, text, source);
    }

    /** Objects merge key by key; anything else (scalars, arrays, null) replaces the default. */
    private static void merge(ObjectNode target, ObjectNode given) {
        for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode current = target.get(field.getKey());
            if (current instanceof ObjectNode currentObject && field.getValue() instanceof ObjectNode givenObject) {
                merge(currentObject, givenObject);
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }

    private static TrainingSettings bind(ObjectNode merged, String text, String source) {
        try {
            return MAPPER.treeToValue(merged, TrainingSettings.class);
        } catch (UnrecognizedPropertyException e) {
            String key = path(e.getPath(), null);
            List<String> known = e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.toList());
            throw failure("unknown key '" + key + "'", key, "known keys here: " + String.join(", ", known),
                    text, source, e);
        } catch (JsonMappingException e) {
            TrainingSettings.InvalidSetting rule = cause(e, TrainingSettings.InvalidSetting.class);
            if (rule != null) {
                String key = path(e.getPath(), rule.key());
                throw failure("invalid value for '" + key + "'", key, rule.problem(), text, source, e);
            }
            String key = path(e.getPath(), null);
            throw failure("invalid value for '" + key + "'", key, describe(e), text, source, e);
        } catch (JsonProcessingException e) {
            throw new TrainingConfigException("unusable training configuration " + source + ": "
                    + e.getOriginalMessage(), null, 0, e);
        }
    }

    private static TrainingConfigException failure(String what, String key, String problem, String text,
                                                   String source, Throwable cause) {
        int line = text == null ? 0 : lineOfKey(text, key);
        return new TrainingConfigException(what + " in " + source + where(line) + ": " + problem, key, line, cause);
    }

    private static String where(int line) {
        return line > 0 ? " (line " + line + ")" : "";
    }

    private static String describe(JsonMappingException e) {
        if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return "expected one of " + Arrays.stream(format.getTargetType().getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .collect(Collectors.joining(", ")) + ", was '" + format.getValue() + "'";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> type = mismatch.getTargetType();
            String expected;
            if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
                expected = "a whole number";
            } else if (type == double.class || type == Double.class) {
                expected = "a number";
            } else if (type == boolean.class || type == Boolean.class) {
                expected = "true or false";
            } else if (type == String.class) {
                expected = "a string";
            } else if (List.class.isAssignableFrom(type)) {
                expected = "an array";
            } else if (type.isRecord()) {
                expected = "an object";
            } else {
                expected = type.getSimpleName();
            }
            return "expected " + expected;
        }
        IllegalArgumentException bad = cause(e, IllegalArgumentException.class);
        return bad != null && bad.getMessage() != null ? bad.getMessage() : e.getOriginalMessage();
    }

    /** {@code model.layers[1].size} from Jackson's reference path, plus a key relative to its end. */
    static String path(List<JsonMappingException.Reference> references, String relative) {
        StringBuilder path = new StringBuilder();
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
        if (relative != null) {
            // A rule inside a record names its own component; an element check names "lags[1]".
            String last = references.isEmpty() ? null : references.get(references.size() - 1).getFieldName();
            if (!relative.equals(last) && !(last != null && relative.startsWith(last + "["))) {
                path.append(path.length() > 0 ? "." : "").append(relative);
            } else if (!relative.equals(last)) {
                path.setLength(path.length() - last.length());
                path.append(relative);
            }
        }
        return path.toString();
    }

    /**
     * The line on which the value of {@code key} (a path like {@code model.layers[1].size}) starts in
     * {@code text}, or the line of its deepest enclosing key present there; 0 when none is.
     */
    static int lineOfKey(String text, String key) {
        List<String> wanted = splitPath(key);
        try (JsonParser parser = MAPPER.getFactory().createParser(text)) {
            List<String> current = new ArrayList<>();
            // For each open container: whether it is an array and, if so, the index of the next element.
            List<int[]> arrays = new ArrayList<>();
            KeySearch search = new KeySearch(wanted);
            JsonToken token;
            String pendingName = null;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME) {
                    pendingName = parser.currentName();
                    if (search.found(current, pendingName, parser.currentTokenLocation().getLineNr())) {
                        return search.bestLine;
                    }
                    continue;
                }
                String element = null;
                if (pendingName != null) {
                    element = pendingName;
                    pendingName = null;
                } else if (!arrays.isEmpty() && arrays.get(arrays.size() - 1)[0] == 1) {
                    int[] array = arrays.get(arrays.size() - 1);
                    element = "[" + array[1]++ + "]";
                    if (search.found(current, element, parser.currentTokenLocation().getLineNr())) {
                        return search.bestLine;
                    }
                }
                if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    if (element != null) {
                        current.add(element);
                    } else if (!arrays.isEmpty()) {
                        current.add("");
                    }
                    arrays.add(new int[] {token == JsonToken.START_ARRAY ? 1 : 0, 0});
                } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    arrays.remove(arrays.size() - 1);
                    if (!current.isEmpty()) {
                        current.remove(current.size() - 1);
                    }
                }
            }
            return search.bestLine;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The deepest key seen so far that leads to the wanted one, and its line. */
    private static final class KeySearch {
        private final List<String> wanted;
        private int bestDepth = -1;
        private int bestLine;

        KeySearch(List<String> wanted) {
            this.wanted = wanted;
        }

        /** Considers the key {@code name} inside {@code parents} on {@code line}; true when it is the wanted key. */
        boolean found(List<String> parents, String name, int line) {
            List<String> here = new ArrayList<>(parents);
            here.add(name);
            int depth = matchDepth(here, wanted);
            if (depth > bestDepth) {
                bestDepth = depth;
                bestLine = line;
            }
            return depth == wanted.size() && here.size() == wanted.size();
        }
    }

    private static int matchDepth(List<String> here, List<String> wanted) {
        int n = 0;
        while (n < here.size() && n < wanted.size() && here.get(n).equals(wanted.get(n))) {
            n++;
        }
        return n == here.size() ? n : -1;
    }

    /** {@code model.layers[1].size} as {@code [model, layers, [1], size]}. */
    private static List<String> splitPath(String key) {
        List<String> parts = new ArrayList<>();
        for (String dotted : key.split("\\.")) {
            int bracket = dotted.indexOf('[');
            if (bracket < 0) {
                parts.add(dotted);
                continue;
            }
            if (bracket > 0) {
                parts.add(dotted.substring(0, bracket));
            }
            for (String index : dotted.substring(bracket).split("(?=\\[)")) {
                parts.add(index);
            }
        }
        return parts;
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 10; depth++) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            current = current.getCause();
        }
        return null;
    }

    private static ObjectNode loadDefaults() {
        try (InputStream in = SettingsJson.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULTS_RESOURCE);
            }
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
