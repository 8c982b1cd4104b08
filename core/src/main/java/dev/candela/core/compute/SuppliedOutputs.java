package dev.candela.core.compute;

import dev.candela.core.registry.ResolvedIndicator;
import dev.candela.spi.BarBatch;
import dev.candela.spi.IndicatorOutput;

import java.util.List;

/** The shape rule of {@link ComputeBackend#computeInto}: one output per indicator, sized for the batch. */
final class SuppliedOutputs {
    private SuppliedOutputs() {
    }

    static void check(List<ResolvedIndicator> indicators, BarBatch bars, List<IndicatorOutput> outputs) {
        if (outputs.size() != indicators.size()) {
            throw new IllegalArgumentException(outputs.size() + " outputs supplied for " + indicators.size()
                    + " indicators");
        }
        for (int i = 0; i < indicators.size(); i++) {
            ResolvedIndicator indicator = indicators.get(i);
            IndicatorOutput out = outputs.get(i);
            int expected = indicator.indicator().outputs().size();
            if (out.outputCount() != expected || out.symbolCount() != bars.symbolCount()
                    || out.barCount() != bars.barCount()) {
                throw new IllegalArgumentException("output " + i + " for " + indicator.spec() + " is "
                        + out.outputCount() + " outputs x " + out.symbolCount() + " symbols x " + out.barCount()
                        + " bars; the batch needs " + expected + " x " + bars.symbolCount() + " x "
                        + bars.barCount());
            }
        }
    }
}
