package dev.candela.spi;

import java.util.List;
import java.util.Set;

/**
 * A technical indicator: a stable id, typed parameters, named outputs, a lookback, the price fields it
 * reads, a batch computation over many symbols at once and a streaming state fed one bar at a time.
 *
 * <p>Implementations are stateless and thread-safe; all per-run state lives in the output arrays or in an
 * {@link IndicatorState}. Indicators are addressed by spec strings ({@code rsi(14)}); the output column of a
 * single-output indicator is named by the spec alone, those of a multi-output indicator by spec + {@code .}
 * + output name ({@code macd(12,26,9).signal}).
 */
public interface Indicator {

    /** Stable lower-case id, e.g. {@code rsi}. Two providers may not claim the same id. */
    String id();

    /** One line for listings. */
    default String description() {
        return "";
    }

    default Category category() {
        return Category.OTHER;
    }

    /** The parameters in the order a spec string gives them; empty when the indicator takes none. */
    default List<ParameterSpec> parameters() {
        return List.of();
    }

    /** The price fields {@link #compute} reads. */
    Set<PriceField> inputs();

    /**
     * Output names in the order of {@link IndicatorOutput#array(int, int)}'s first index. A single-output
     * indicator returns one name (conventionally {@code value}), which does not appear in column names.
     */
    default List<String> outputs() {
        return List.of("value");
    }

    /** Number of leading bars whose outputs are {@code NaN} (TA-Lib's lookback) for these parameters. */
    int lookback(Parameters parameters);

    /**
     * Computes every output for every symbol of the batch, from bar 0. Every element of every output array
     * must be written: {@code NaN} before the lookback. Implementations must not write to the inputs.
     */
    void compute(Parameters parameters, BarBatch bars, IndicatorOutput out);

    /**
     * Computes several parameter sets over the same bars in one call (a parameter sweep). The default runs
     * them one by one; implementations override it to share work between them.
     */
    default void computeSweep(List<Parameters> sweep, BarBatch bars, List<IndicatorOutput> outs) {
        if (sweep.size() != outs.size()) {
            throw new IllegalArgumentException("sweep of " + sweep.size() + " parameter sets but " + outs.size() + " outputs");
        }
        for (int i = 0; i < sweep.size(); i++) {
            compute(sweep.get(i), bars, outs.get(i));
        }
    }

    /** A fresh streaming state for one symbol; its values equal {@link #compute}'s bar for bar. */
    IndicatorState newState(Parameters parameters);

    /** Binds argument values to {@link #parameters()}, filling defaults and validating. */
    default Parameters bind(double... arguments) {
        return Parameters.of(parameters(), arguments);
    }
}
