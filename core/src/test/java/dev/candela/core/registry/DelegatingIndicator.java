package dev.candela.core.registry;

import dev.candela.spi.BarBatch;
import dev.candela.spi.Indicator;
import dev.candela.spi.IndicatorOutput;
import dev.candela.spi.IndicatorState;
import dev.candela.spi.ParameterSpec;
import dev.candela.spi.Parameters;
import dev.candela.spi.PriceField;

import java.util.List;
import java.util.Set;

/** Forwards everything to another indicator; tests subclass it to get a second class with the same id. */
class DelegatingIndicator implements Indicator {
    private final Indicator delegate;

    DelegatingIndicator(Indicator delegate) {
        this.delegate = delegate;
    }

    @Override
    public String id() {
        return delegate.id();
    }

    @Override
    public List<ParameterSpec> parameters() {
        return delegate.parameters();
    }

    @Override
    public Set<PriceField> inputs() {
        return delegate.inputs();
    }

    @Override
    public List<String> outputs() {
        return delegate.outputs();
    }

    @Override
    public int lookback(Parameters parameters) {
        return delegate.lookback(parameters);
    }

    @Override
    public void compute(Parameters parameters, BarBatch bars, IndicatorOutput out) {
        delegate.compute(parameters, bars, out);
    }

    @Override
    public IndicatorState newState(Parameters parameters) {
        return delegate.newState(parameters);
    }
}
