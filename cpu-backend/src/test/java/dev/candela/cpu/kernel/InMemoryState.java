package dev.candela.cpu.kernel;

import dev.candela.spi.StateReader;
import dev.candela.spi.StateWriter;

import java.util.HashMap;
import java.util.Map;

/** A state store for tests that keeps values as written, failing on a missing key like the JSON host. */
final class InMemoryState implements StateWriter, StateReader {
    private final Map<String, Object> values = new HashMap<>();

    @Override
    public void putLong(String key, long value) {
        values.put(key, value);
    }

    @Override
    public void putDouble(String key, double value) {
        values.put(key, value);
    }

    @Override
    public void putDoubles(String key, double[] array) {
        values.put(key, array.clone());
    }

    private Object get(String key) {
        Object v = values.get(key);
        if (v == null) {
            throw new IllegalStateException("missing key " + key);
        }
        return v;
    }

    @Override
    public long getLong(String key) {
        return (Long) get(key);
    }

    @Override
    public double getDouble(String key) {
        return (Double) get(key);
    }

    @Override
    public double[] getDoubles(String key) {
        return ((double[]) get(key)).clone();
    }

    void replace(String key, Object value) {
        values.put(key, value);
    }
}
