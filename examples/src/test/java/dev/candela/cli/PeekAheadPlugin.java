package dev.candela.cli;

import dev.candela.spi.BarBatch;
import dev.candela.spi.CandelaPlugin;
import dev.candela.spi.Column;
import dev.candela.spi.Indicator;
import dev.candela.spi.IndicatorOutput;
import dev.candela.spi.IndicatorState;
import dev.candela.spi.Parameters;
import dev.candela.spi.PriceField;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * A plugin with one deliberately broken indicator, {@code peek}, whose value at a bar is the next bar's
 * close. Loaded only by the tests that hand it to {@code --plugins}, never from the class path's services.
 */
public final class PeekAheadPlugin implements CandelaPlugin {
    @Override
    public Collection<Indicator> indicators() {
        return List.of(new Indicator() {
            @Override
            public String id() {
                return "peek";
            }

            @Override
            public Set<PriceField> inputs() {
                return Set.of(PriceField.CLOSE);
            }

            @Override
            public int lookback(Parameters parameters) {
                return 0;
            }

            @Override
            public void compute(Parameters parameters, BarBatch bars, IndicatorOutput out) {
                for (int s = 0; s < bars.symbolCount(); s++) {
                    Column close = bars.column(PriceField.CLOSE, s);
                    double[] value = out.array(0, s);
                    for (int i = 0; i < value.length; i++) {
                        value[i] = i + 1 < close.length() ? close.get(i + 1) : Double.NaN;
                    }
                }
            }

            @Override
            public IndicatorState newState(Parameters parameters) {
                throw new UnsupportedOperationException("peek reads the next bar and cannot be streamed");
            }
        });
    }
}
