package dev.candela.cpu;

import dev.candela.spi.BarBatch;
import dev.candela.spi.Category;
import dev.candela.spi.Indicator;
import dev.candela.spi.IndicatorOutput;
import dev.candela.spi.ParameterSpec;
import dev.candela.spi.Parameters;
import dev.candela.spi.PriceField;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Base of the first-party CPU indicators: holds the metadata and runs {@link #computeSymbol} for each
 * symbol of a batch. Subclasses whose speed depends on it override {@link #compute} to work across
 * symbols at once.
 */
public abstract class CpuIndicator implements Indicator {
    private final String id;
    private final Category category;
    private final String description;
    private final Set<PriceField> inputs;
    private final List<String> outputs;
    private final List<ParameterSpec> parameters;

    protected CpuIndicator(String id, Category category, String description, Set<PriceField> inputs,
                           List<String> outputs, ParameterSpec... parameters) {
        this.id = Objects.requireNonNull(id, "id");
        this.category = Objects.requireNonNull(category, "category");
        this.description = Objects.requireNonNull(description, "description");
        this.inputs = Set.copyOf(EnumSet.copyOf(inputs));
        this.outputs = List.copyOf(outputs);
        this.parameters = List.of(parameters);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final Category category() {
        return category;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Set<PriceField> inputs() {
        return inputs;
    }

    @Override
    public final List<String> outputs() {
        return outputs;
    }

    @Override
    public final List<ParameterSpec> parameters() {
        return parameters;
    }

    @Override
    public void compute(Parameters p, BarBatch bars, IndicatorOutput out) {
        for (int s = 0; s < bars.symbolCount(); s++) {
            computeSymbol(p, bars, s, out);
        }
    }

    /**
     * Computes every output of one symbol into {@code out.array(k, symbol)}, from bar 0, NaN before the
     * lookback.
     */
    protected abstract void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out);

    /**
     * Writes {@code NaN} to bars {@code [0, len)} of every output of {@code symbol}: the whole result where
     * the series is no longer than the lookback.
     */
    protected static void fillNaN(IndicatorOutput out, int symbol, int len) {
        for (int k = 0; k < out.outputCount(); k++) {
            Arrays.fill(out.array(k, symbol), 0, len, Double.NaN);
        }
    }

    @Override
    public String toString() {
        return id;
    }
}
