package org.example.schaff;

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

import java.util.List;
import java.util.Set;

/**
 * {@code stc(fast, slow, cycle, factor)}: Doug Schaff's Trend Cycle, a MACD line put through two
 * smoothed stochastics so that it swings between 0 and 100 faster than the MACD itself. Defaults
 * {@code stc(23,50,10,0.5)}. See {@link SchaffCycle} for the exact recurrence and warm-up.
 *
 * <p>Stateless and thread-safe: each symbol of a batch, and each streaming state, gets its own
 * {@link SchaffCycle}.
 */
public final class SchaffTrendCycle implements Indicator {
    private static final List<ParameterSpec> PARAMETERS = List.of(
            ParameterSpec.ofInt("fast", 23, 2, 10_000, "period of the fast EMA"),
            ParameterSpec.ofInt("slow", 50, 3, 10_000, "period of the slow EMA; above fast"),
            ParameterSpec.ofInt("cycle", 10, 2, 1_000, "bars of each stochastic window"),
            ParameterSpec.ofDouble("factor", 0.5, 0.01, 1.0, "smoothing factor of each stochastic (1 = none)"));

    @Override
    public String id() {
        return "stc";
    }

    @Override
    public String description() {
        return "Schaff Trend Cycle (example plugin)";
    }

    @Override
    public Category category() {
        return Category.MOMENTUM;
    }

    @Override
    public List<ParameterSpec> parameters() {
        return PARAMETERS;
    }

    @Override
    public Set<PriceField> inputs() {
        return Set.of(PriceField.CLOSE);
    }

    @Override
    public Parameters bind(double... arguments) {
        Parameters p = Parameters.of(PARAMETERS, arguments);
        if (p.getInt("fast") >= p.getInt("slow")) {
            throw new IllegalArgumentException("stc: parameter 'fast' = " + p.getInt("fast")
                    + " must be below 'slow' = " + p.getInt("slow"));
        }
        return p;
    }

    @Override
    public int lookback(Parameters p) {
        return SchaffCycle.lookback(p.getInt("slow"), p.getInt("cycle"));
    }

    @Override
    public void compute(Parameters p, BarBatch bars, IndicatorOutput out) {
        int n = bars.barCount();
        for (int s = 0; s < bars.symbolCount(); s++) {
            Column close = bars.column(PriceField.CLOSE, s);
            double[] in = close.array();
            int offset = close.offset();
            double[] values = out.array(0, s);
            SchaffCycle cycle = newCycle(p);
            for (int i = 0; i < n; i++) {
                values[i] = cycle.next(in[offset + i]);
            }
        }
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new State(newCycle(p));
    }

    private static SchaffCycle newCycle(Parameters p) {
        return new SchaffCycle(p.getInt("fast"), p.getInt("slow"), p.getInt("cycle"), p.get("factor"));
    }

    /** Streaming STC for one symbol: O(cycle) per bar, savable. */
    private static final class State implements IndicatorState {
        private final SchaffCycle cycle;

        State(SchaffCycle cycle) {
            this.cycle = cycle;
        }

        @Override
        public void update(long timestamp, double open, double high, double low, double close, double volume) {
            cycle.next(close);
        }

        @Override
        public double value(int output) {
            if (output != 0) {
                throw new IndexOutOfBoundsException("stc has one output, not " + (output + 1));
            }
            return cycle.value();
        }

        @Override
        public long barsSeen() {
            return cycle.barsSeen();
        }

        @Override
        public void save(StateWriter out) {
            cycle.save(out);
        }

        @Override
        public void restore(StateReader in) {
            cycle.restore(in);
        }
    }
}
