package dev.candela.core.features;

import dev.candela.spi.BarBatch;
import dev.candela.spi.Column;
import dev.candela.spi.Indicator;
import dev.candela.spi.IndicatorOutput;
import dev.candela.spi.IndicatorState;
import dev.candela.spi.Parameters;
import dev.candela.spi.PriceField;
import dev.candela.spi.StateReader;
import dev.candela.spi.StateWriter;

import java.util.List;
import java.util.Set;

/**
 * A test indicator whose outputs are the candle's own open and close, so that a merged column shows by
 * its values exactly which candle each row carries.
 */
final class CloseEcho implements Indicator {
    @Override
    public String id() {
        return "echo";
    }

    @Override
    public Set<PriceField> inputs() {
        return Set.of(PriceField.OPEN, PriceField.CLOSE);
    }

    @Override
    public List<String> outputs() {
        return List.of("open", "close");
    }

    @Override
    public int lookback(Parameters parameters) {
        return 0;
    }

    @Override
    public void compute(Parameters parameters, BarBatch bars, IndicatorOutput out) {
        for (int s = 0; s < bars.symbolCount(); s++) {
            Column open = bars.column(PriceField.OPEN, s);
            Column close = bars.column(PriceField.CLOSE, s);
            open.copyTo(0, out.array(0, s), 0, open.length());
            close.copyTo(0, out.array(1, s), 0, close.length());
        }
    }

    @Override
    public IndicatorState newState(Parameters parameters) {
        return new IndicatorState() {
            double open = Double.NaN;
            double close = Double.NaN;
            long seen;

            @Override
            public void update(long t, double o, double h, double l, double c, double v) {
                open = o;
                close = c;
                seen++;
            }

            @Override
            public double value(int output) {
                return output == 0 ? open : close;
            }

            @Override
            public long barsSeen() {
                return seen;
            }

            @Override
            public void save(StateWriter w) {
                w.putDoubles("last", new double[] {open, close});
                w.putLong("seen", seen);
            }

            @Override
            public void restore(StateReader r) {
                double[] last = r.getDoubles("last");
                open = last[0];
                close = last[1];
                seen = r.getLong("seen");
            }
        };
    }
}
