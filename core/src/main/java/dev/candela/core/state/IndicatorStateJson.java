package dev.candela.core.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candela.core.registry.ResolvedIndicator;
import dev.candela.spi.IndicatorState;
import dev.candela.spi.StateReader;
import dev.candela.spi.StateWriter;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Saves streaming indicator states as JSON and restores them, so a live strategy can restart without
 * replaying history. The document names the indicator spec it belongs to; restoring into a state of
 * another spec fails. Non-finite doubles are written as the strings {@code NaN}, {@code Infinity} and
 * {@code -Infinity}, since JSON numbers cannot hold them.
 */
public final class IndicatorStateJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int FORMAT_VERSION = 1;

    private IndicatorStateJson() {
    }

    /** The state of {@code indicator}'s streaming {@code state} as a JSON document. */
    public static String save(ResolvedIndicator indicator, IndicatorState state) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT_VERSION);
        root.put("spec", indicator.spec());
        root.put("barsSeen", state.barsSeen());
        ObjectNode values = root.putObject("state");
        state.save(new NodeWriter(values));
        try {
            return MAPPER.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A fresh state of {@code indicator} restored from {@code json}.
     *
     * @throws IllegalArgumentException when the document is malformed or belongs to another spec
     */
    public static IndicatorState restore(ResolvedIndicator indicator, String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("indicator state is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || root.path("format").asInt(-1) != FORMAT_VERSION) {
            throw new IllegalArgumentException("indicator state: unsupported or missing 'format' (expected "
                    + FORMAT_VERSION + ")");
        }
        String spec = root.path("spec").asText("");
        if (!spec.equals(indicator.spec())) {
            throw new IllegalArgumentException("indicator state belongs to '" + spec + "', not '" + indicator.spec() + "'");
        }
        JsonNode values = root.path("state");
        if (!values.isObject()) {
            throw new IllegalArgumentException("indicator state of '" + spec + "': missing 'state' object");
        }
        IndicatorState state = indicator.indicator().newState(indicator.parameters());
        state.restore(new NodeReader(spec, (ObjectNode) values));
        return state;
    }

    static void putDouble(ObjectNode node, String key, double v) {
        if (Double.isFinite(v)) {
            node.put(key, v);
        } else {
            node.put(key, Double.toString(v));
        }
    }

    static double toDouble(String spec, String key, JsonNode n) {
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isTextual()) {
            switch (n.textValue()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw new IllegalStateException("indicator state of '" + spec + "': key '" + key + "' is not a number: " + n);
    }

    private record NodeWriter(ObjectNode node) implements StateWriter {
        @Override
        public void putLong(String key, long value) {
            node.put(key, value);
        }

        @Override
        public void putDouble(String key, double value) {
            IndicatorStateJson.putDouble(node, key, value);
        }

        @Override
        public void putDoubles(String key, double[] values) {
            ArrayNode array = node.putArray(key);
            for (double v : values) {
                if (Double.isFinite(v)) {
                    array.add(v);
                } else {
                    array.add(Double.toString(v));
                }
            }
        }
    }

    private record NodeReader(String spec, ObjectNode node) implements StateReader {
        private JsonNode required(String key) {
            JsonNode n = node.get(key);
            if (n == null) {
                throw new IllegalStateException("indicator state of '" + spec + "': missing key '" + key + "'");
            }
            return n;
        }

        @Override
        public long getLong(String key) {
            JsonNode n = required(key);
            if (!n.canConvertToLong() || !n.isIntegralNumber()) {
                throw new IllegalStateException("indicator state of '" + spec + "': key '" + key + "' is not an integer: " + n);
            }
            return n.longValue();
        }

        @Override
        public double getDouble(String key) {
            return toDouble(spec, key, required(key));
        }

        @Override
        public double[] getDoubles(String key) {
            JsonNode n = required(key);
            if (!n.isArray()) {
                throw new IllegalStateException("indicator state of '" + spec + "': key '" + key + "' is not an array");
            }
            double[] out = new double[n.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = toDouble(spec, key + "[" + i + "]", n.get(i));
            }
            return out;
        }
    }
}
