package dev.candela.core.registry;

import dev.candela.spi.BarBatch;
import dev.candela.spi.Category;
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
 * A test indicator with two outputs: the sum of the last {@code period} closes and that sum times
 * {@code scale}. Simple enough that every expected value can be worked out by hand.
 */
public final class RunningSum implements Indicator {
    @Override
    public String id() {
        return "runsum";
    }

    @Override
    public Category category() {
        return Category.STATISTIC;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.ofInt("period", 3, 1, 1000, "bars summed"),
                ParameterSpec.ofDouble("scale", 2, 0, 100, "factor of the second output"));
    }

    @Override
    public Set<PriceField> inputs() {
        return Set.of(PriceField.CLOSE);
    }

    @Override
    public List<String> outputs() {
        return List.of("sum", "scaled");
    }

    @Override
    public int lookback(Parameters p) {
        return p.getInt(0) - 1;
    }

    @Override
    public void compute(Parameters p, BarBatch bars, IndicatorOutput out) {
        int n = p.getInt(0);
        double scale = p.get(1);
        for (int s = 0; s < bars.symbolCount(); s++) {
            Column c = bars.column(PriceField.CLOSE, s);
            double[] sum = out.array(0, s);
            double[] scaled = out.array(1, s);
            Arrays.fill(sum, Double.NaN);
            Arrays.fill(scaled, Double.NaN);
            for (int i = n - 1; i < c.length(); i++) {
                double acc = 0;
                for (int k = i - n + 1; k <= i; k++) {
                    acc += c.get(k);
                }
                sum[i] = acc;
                scaled[i] = acc * scale;
            }
        }
    }

    @Override
    public IndicatorState newState(Parameters p) {
        int n = p.getInt(0);
        double scale = p.get(1);
        return new IndicatorState() {
            double[] window = new double[n];
            long seen;

            @Override
            public void update(long t, double o, double h, double l, double close, double v) {
                window[(int) (seen % n)] = close;
                seen++;
            }

            @Override
            public double value(int output) {
                if (seen < n) {
                    return Double.NaN;
                }
                double acc = 0;
                // Sum oldest to newest so the rounding matches the batch loop.
                for (long k = seen - n; k < seen; k++) {
                    acc += window[(int) (k % n)];
                }
                return output == 0 ? acc : acc * scale;
            }

            @Override
            public long barsSeen() {
                return seen;
            }

            @Override
            public void save(StateWriter w) {
                w.putDoubles("window", window);
                w.putLong("seen", seen);
            }

            @Override
            public void restore(StateReader r) {
                window = r.getDoubles("window");
                seen = r.getLong("seen");
            }
        };
    }
}
