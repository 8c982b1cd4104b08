package dev.candela.core.compute;

import dev.candela.core.registry.ResolvedIndicator;
import dev.candela.spi.IndicatorOutput;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The outputs of one {@link ComputeBackend#compute} call, by column name, with the backend that made each. */
public final class IndicatorResults {

    /**
     * One indicator's outputs.
     *
     * @param indicator what was computed
     * @param output    its arrays, one per output and symbol
     * @param backend   name of the backend that computed it (a GPU backend hands some to the CPU path)
     */
    public record Computed(ResolvedIndicator indicator, IndicatorOutput output, String backend) {
        public Computed {
            Objects.requireNonNull(indicator, "indicator");
            Objects.requireNonNull(output, "output");
            Objects.requireNonNull(backend, "backend");
        }
    }

    private record Location(Computed computed, int output) {
    }

    private final List<Computed> computed;
    private final Map<String, Location> byColumn;

    public IndicatorResults(List<Computed> computed) {
        this.computed = List.copyOf(computed);
        Map<String, Location> columns = new LinkedHashMap<>();
        for (Computed c : this.computed) {
            List<String> names = c.indicator().columnNames();
            for (int k = 0; k < names.size(); k++) {
                columns.putIfAbsent(names.get(k), new Location(c, k));
            }
        }
        this.byColumn = columns;
    }

    public List<Computed> computed() {
        return computed;
    }

    /** Column names in request order, e.g. {@code rsi(14)}, {@code macd(12,26,9).macd}. */
    public List<String> columnNames() {
        return new ArrayList<>(byColumn.keySet());
    }

    /**
     * The values of one column for one symbol; the array is the result itself, not a copy.
     *
     * @throws IllegalArgumentException for a column that was not computed
     */
    public double[] column(String name, int symbol) {
        Location at = byColumn.get(name);
        if (at == null) {
            throw new IllegalArgumentException("no column '" + name + "'; computed: " + byColumn.keySet());
        }
        return at.computed().output().array(at.output(), symbol);
    }

    /** Name of the backend that computed {@code column}. */
    public String backendOf(String column) {
        Location at = byColumn.get(column);
        if (at == null) {
            throw new IllegalArgumentException("no column '" + column + "'");
        }
        return at.computed().backend();
    }
}
