package dev.candela.core.registry;

import dev.candela.spi.CandelaPlugin;
import dev.candela.spi.Indicator;
import dev.candela.spi.IndicatorOutput;
import dev.candela.spi.IndicatorState;
import dev.candela.spi.Parameters;
import dev.candela.spi.PriceField;
import dev.candela.spi.BarBatch;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** Listed only in a jar that a test writes into a plugin directory. */
public final class JarOnlyPlugin implements CandelaPlugin {
    @Override
    public Collection<Indicator> indicators() {
        return List.of(new Indicator() {
            @Override
            public String id() {
                return "fromjar";
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
                    bars.column(PriceField.CLOSE, s).copyTo(0, out.array(0, s), 0, bars.barCount());
                }
            }

            @Override
            public IndicatorState newState(Parameters parameters) {
                throw new UnsupportedOperationException("not used by the registry test");
            }
        });
    }
}
