package dev.candela.core.features;

import dev.candela.spi.BarBatch;
import dev.candela.spi.Column;
import dev.candela.spi.Indicator;
import dev.candela.spi.IndicatorOutput;
import dev.candela.spi.IndicatorState;
import dev.candela.spi.ParameterSpec;
import dev.candela.spi.Parameters;
import dev.candela.spi.PriceField;
import dev.candela.spi.StateReader;
import dev.candela.spi.StateWriter;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A test indicator with unbounded memory: an exponential average of the close with
 * {@code alpha = 2 / (period + 1)}, seeded with the mean of the first {@code period} closes. Every value
 * depends on every earlier bar, which makes it a sharp probe for truncation invariance.
 */
final class SmoothedClose implements Indicator {
    @Override
    public String id() {
        return "smooth";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.ofInt("period", 10, 1, 1000, "bars"));
    }

    @Override
    public Set<PriceField> inputs() {
        return Set.of(PriceField.CLOSE);
    }

    @Override
    public int lookback(Parameters parameters) {
        return parameters.getInt(0) - 1;
    }

    @Override
    public void compute(Parameters parameters, BarBatch bars, IndicatorOutput out) {
        int period = parameters.getInt(0);
        double alpha = 2.0 / (period + 1);
        for (int s = 0; s < bars.symbolCount(); s++) {
            Column close = bars.column(PriceField.CLOSE, s);
            double[] value = out.array(0, s);
            Arrays.fill(value, Double.NaN);
            if (close.length() < period) {
                continue;
            }
            double seed = 0;
            for (int i = 0; i < period; i++) {
                seed += close.get(i);
            }
            double average = seed / period;
            value[period - 1] = average;
            for (int i = period; i < close.length(); i++) {
                average += alpha * (close.get(i) - average);
                value[i] = average;
            }
        }
    }

    @Override
    public IndicatorState newState(Parameters parameters) {
        int period = parameters.getInt(0);
        double alpha = 2.0 / (period + 1);
        return new IndicatorState() {
            double sum;
            double average = Double.NaN;
            long seen;

            @Override
            public void update(long t, double o, double h, double l, double close, double v) {
                seen++;
                if (seen < period) {
                    sum += close;
                } else if (seen == period) {
                    average = (sum + close) / period;
                } else {
                    average += alpha * (close - average);
                }
            }

            @Override
            public double value(int output) {
                return average;
            }

            @Override
            public long barsSeen() {
                return seen;
            }

            @Override
            public void save(StateWriter w) {
                w.putDoubles("state", new double[] {sum, average});
                w.putLong("seen", seen);
            }

            @Override
            public void restore(StateReader r) {
                double[] state = r.getDoubles("state");
                sum = state[0];
                average = state[1];
                seen = r.getLong("seen");
            }
        };
    }
}
