package dev.candela.core.registry;

import dev.candela.spi.Indicator;
import dev.candela.spi.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An indicator bound to validated parameters: what a spec string such as {@code macd(12,26,9)} means.
 *
 * @param indicator  the implementation
 * @param parameters its validated parameter values
 */
public record ResolvedIndicator(Indicator indicator, Parameters parameters) {

    public ResolvedIndicator {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(parameters, "parameters");
    }

    /** The canonical spec with every parameter spelled out: {@code rsi(14)}, or the bare id without parameters. */
    public String spec() {
        return parameters.size() == 0 ? indicator.id() : indicator.id() + "(" + parameters.format() + ")";
    }

    /** Output column names: the spec for one output, spec + {@code .} + output name for several. */
    public List<String> columnNames() {
        List<String> outputs = indicator.outputs();
        String spec = spec();
        if (outputs.size() == 1) {
            return List.of(spec);
        }
        List<String> names = new ArrayList<>(outputs.size());
        for (String output : outputs) {
            names.add(spec + "." + output);
        }
        return List.copyOf(names);
    }

    public int lookback() {
        return indicator.lookback(parameters);
    }

    @Override
    public String toString() {
        return spec();
    }
}
