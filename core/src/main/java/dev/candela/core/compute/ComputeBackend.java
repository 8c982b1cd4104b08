package dev.candela.core.compute;

import dev.candela.core.registry.ResolvedIndicator;
import dev.candela.spi.BarBatch;
import dev.candela.spi.IndicatorOutput;

import java.util.ArrayList;
import java.util.List;

/**
 * Computes indicators over a batch of symbols on one kind of hardware. The Guice module of the chosen
 * backend binds it; callers never pick an implementation themselves.
 */
public interface ComputeBackend {

    /** Short name shown by {@code --explain}: {@code cpu}, {@code gpu}. */
    String name();

    /** Computes every indicator for every symbol of {@code bars}, from bar 0. */
    IndicatorResults compute(List<ResolvedIndicator> indicators, BarBatch bars);

    /**
     * Computes like {@link #compute}, into outputs the caller supplies, so that a caller that computes the
     * same shapes again and again (a live loop, a benchmark, an optimiser) reuses its arrays instead of
     * allocating and zeroing new ones each call. {@code outputs.get(i)} receives indicator {@code i}: it
     * must have that indicator's number of outputs, {@code bars.symbolCount()} symbols and
     * {@code bars.barCount()} bars. Every element is overwritten (NaN in the warm-up), so the values are those
     * of {@link #compute} whatever the arrays held before. The returned results wrap these outputs.
     *
     * <p>This default computes with {@link #compute} and copies; backends that can write in place override it.
     *
     * @throws IllegalArgumentException if the outputs do not match the indicators and the batch
     */
    default IndicatorResults computeInto(List<ResolvedIndicator> indicators, BarBatch bars,
                                         List<IndicatorOutput> outputs) {
        SuppliedOutputs.check(indicators, bars, outputs);
        IndicatorResults computed = compute(indicators, bars);
        List<IndicatorResults.Computed> results = new ArrayList<>(indicators.size());
        for (int i = 0; i < indicators.size(); i++) {
            ResolvedIndicator indicator = indicators.get(i);
            IndicatorOutput into = outputs.get(i);
            List<String> columns = indicator.columnNames();
            String backend = computed.backendOf(columns.get(0));
            for (int k = 0; k < columns.size(); k++) {
                for (int s = 0; s < bars.symbolCount(); s++) {
                    double[] values = computed.column(columns.get(k), s);
                    System.arraycopy(values, 0, into.array(k, s), 0, values.length);
                }
            }
            results.add(new IndicatorResults.Computed(indicator, into, backend));
        }
        return new IndicatorResults(results);
    }
}
