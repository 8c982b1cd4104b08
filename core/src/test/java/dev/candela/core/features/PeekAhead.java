package dev.candela.core.features;

import dev.candela.spi.BarBatch;
import dev.candela.spi.Column;
import dev.candela.spi.Indicator;
import dev.candela.spi.IndicatorOutput;
import dev.candela.spi.IndicatorState;
import dev.candela.spi.Parameters;
import dev.candela.spi.PriceField;

import java.util.Set;

/**
 * A deliberately broken test indicator: its value at a bar is the next bar's close, so it knows the
 * future. The look-ahead audit must catch it.
 */
final class PeekAhead implements Indicator {
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

    /** A streaming state would have to wait for the next bar, which is the point: there is none. */
    @Override
    public IndicatorState newState(Parameters parameters) {
        throw new UnsupportedOperationException("peek reads the next bar and cannot be streamed");
    }
}
