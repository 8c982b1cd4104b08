package dev.candela.gpu;

import dev.candela.spi.BarBatch;
import dev.candela.spi.Column;
import dev.candela.spi.Indicator;
import dev.candela.spi.IndicatorOutput;
import dev.candela.spi.IndicatorState;
import dev.candela.spi.ParameterSpec;
import dev.candela.spi.Parameters;
import dev.candela.spi.PriceField;

import java.util.List;
import java.util.Set;

/** Indicators written out plainly in the test, independent of the kernels they are compared with. */
final class TestIndicators {
    private TestIndicators() {
    }

    /** {@code sma(period)} of the close: the mean of each window, summed afresh. */
    static final class Sma implements Indicator {
        @Override
        public String id() {
            return "sma";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.ofInt("period", 30, 2, 100_000, "bars averaged"));
        }

        @Override
        public Set<PriceField> inputs() {
            return Set.of(PriceField.CLOSE);
        }

        @Override
        public int lookback(Parameters p) {
            return p.getInt(0) - 1;
        }

        @Override
        public void compute(Parameters p, BarBatch bars, IndicatorOutput out) {
            int period = p.getInt(0);
            for (int s = 0; s < bars.symbolCount(); s++) {
                Column c = bars.column(PriceField.CLOSE, s);
                double[] o = out.array(0, s);
                for (int i = 0; i < bars.barCount(); i++) {
                    if (i < period - 1) {
                        o[i] = Double.NaN;
                        continue;
                    }
                    double sum = 0;
                    for (int m = i - period + 1; m <= i; m++) {
                        sum += c.get(m);
                    }
                    o[i] = sum / period;
                }
            }
        }

        @Override
        public IndicatorState newState(Parameters p) {
            throw new UnsupportedOperationException("batch only in these tests");
        }
    }

    /** {@code mom(period)}: close minus the close {@code period} bars earlier. */
    static final class Momentum implements Indicator {
        @Override
        public String id() {
            return "mom";
        }

        @Override
        public List<ParameterSpec> parameters() {
            return List.of(ParameterSpec.ofInt("period", 10, 1, 100_000, "bars back"));
        }

        @Override
        public Set<PriceField> inputs() {
            return Set.of(PriceField.CLOSE);
        }

        @Override
        public int lookback(Parameters p) {
            return p.getInt(0);
        }

        @Override
        public void compute(Parameters p, BarBatch bars, IndicatorOutput out) {
            int period = p.getInt(0);
            for (int s = 0; s < bars.symbolCount(); s++) {
                Column c = bars.column(PriceField.CLOSE, s);
                double[] o = out.array(0, s);
                for (int i = 0; i < bars.barCount(); i++) {
                    o[i] = i < period ? Double.NaN : c.get(i) - c.get(i - period);
                }
            }
        }

        @Override
        public IndicatorState newState(Parameters p) {
            throw new UnsupportedOperationException("batch only in these tests");
        }
    }

    /** Twice the close: no device kernel has this id. */
    static final class Doubled implements Indicator {
        @Override
        public String id() {
            return "doubled";
        }

        @Override
        public Set<PriceField> inputs() {
            return Set.of(PriceField.CLOSE);
        }

        @Override
        public int lookback(Parameters p) {
            return 0;
        }

        @Override
        public void compute(Parameters p, BarBatch bars, IndicatorOutput out) {
            for (int s = 0; s < bars.symbolCount(); s++) {
                Column c = bars.column(PriceField.CLOSE, s);
                double[] o = out.array(0, s);
                for (int i = 0; i < c.length(); i++) {
                    o[i] = 2 * c.get(i);
                }
            }
        }

        @Override
        public IndicatorState newState(Parameters p) {
            throw new UnsupportedOperationException("batch only in these tests");
        }
    }
}
