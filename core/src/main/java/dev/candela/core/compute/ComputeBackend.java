package dev.candela.core.compute;

import dev.candela.core.registry.ResolvedIndicator;
import dev.candela.spi.BarBatch;

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
}
