package dev.candela.cpu.window;

import dev.candela.cpu.CpuIndicator;
import dev.candela.cpu.kernel.MovingAverages;
import dev.candela.spi.BarBatch;
import dev.candela.spi.Category;
import dev.candela.spi.IndicatorOutput;
import dev.candela.spi.IndicatorState;
import dev.candela.spi.ParameterSpec;
import dev.candela.spi.Parameters;
import dev.candela.spi.PriceField;
import dev.candela.spi.StateReader;
import dev.candela.spi.StateWriter;

import java.util.EnumSet;
import java.util.List;

/**
 * The Chaikin A/D oscillator ({@code adosc(3,10)}), TA-Lib's ADOSC: fast EMA minus slow EMA of the
 * {@link AccumulationDistribution A/D line}. Unlike TA-Lib's EMA function, both averages are seeded with
 * the first A/D value (bar 0) and stepped as {@code k * ad + (1 - k) * ema} from bar 1 on; values start
 * at {@code max(fast_period, slow_period) - 1}. The periods are used as given, even when the fast one is
 * the longer.
 */
final class ChaikinOscillator extends CpuIndicator {

    ChaikinOscillator() {
        super("adosc", Category.VOLUME, "Chaikin A/D oscillator: fast minus slow EMA of the A/D line",
                EnumSet.of(PriceField.HIGH, PriceField.LOW, PriceField.CLOSE, PriceField.VOLUME), List.of("value"),
                ParameterSpec.ofInt("fast_period", 3, 2, WindowIndicators.MAX_PERIOD, "period of the fast EMA"),
                ParameterSpec.ofInt("slow_period", 10, 2, WindowIndicators.MAX_PERIOD, "period of the slow EMA"));
    }

    @Override
    public int lookback(Parameters p) {
        return Math.max(p.getInt(0), p.getInt(1)) - 1;
    }

    @Override
    protected void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        int n = bars.barCount();
        int lookback = lookback(p);
        double[] result = out.array(0, symbol);
        if (n <= lookback) {
            MovingAverages.nan(result, 0, n);
            return;
        }
        double fastK = MovingAverages.emaFactor(p.getInt(0));
        double slowK = MovingAverages.emaFactor(p.getInt(1));
        double fastRest = 1.0 - fastK;
        double slowRest = 1.0 - slowK;
        // The A/D line is written into the output and replaced bar by bar once read.
        AccumulationDistribution.line(bars, symbol, result);
        double fast = result[0];
        double slow = fast;
        for (int i = 1; i < n; i++) {
            double ad = result[i];
            fast = MovingAverages.emaStepWeighted(fast, ad, fastK, fastRest);
            slow = MovingAverages.emaStepWeighted(slow, ad, slowK, slowRest);
            result[i] = fast - slow;
        }
        MovingAverages.nan(result, 0, lookback);
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new State(p.getInt(0), p.getInt(1), lookback(p));
    }

    /** Streaming ADOSC: the A/D sum and the two averages. */
    static final class State implements IndicatorState {
        private final double fastK;
        private final double slowK;
        private final double fastRest;
        private final double slowRest;
        private final int lookback;
        private long count;
        private double ad;
        private double fast;
        private double slow;

        State(int fastPeriod, int slowPeriod, int lookback) {
            fastK = MovingAverages.emaFactor(fastPeriod);
            slowK = MovingAverages.emaFactor(slowPeriod);
            fastRest = 1.0 - fastK;
            slowRest = 1.0 - slowK;
            this.lookback = lookback;
        }

        @Override
        public void update(long timestamp, double open, double high, double low, double close, double volume) {
            ad = AccumulationDistribution.accumulate(ad, high, low, close, volume);
            if (count == 0) {
                fast = ad;
                slow = ad;
            } else {
                fast = MovingAverages.emaStepWeighted(fast, ad, fastK, fastRest);
                slow = MovingAverages.emaStepWeighted(slow, ad, slowK, slowRest);
            }
            count++;
        }

        @Override
        public double value(int output) {
            return count > lookback ? fast - slow : Double.NaN;
        }

        @Override
        public long barsSeen() {
            return count;
        }

        @Override
        public void save(StateWriter out) {
            out.putLong("count", count);
            out.putDouble("ad", ad);
            out.putDouble("fast", fast);
            out.putDouble("slow", slow);
        }

        @Override
        public void restore(StateReader in) {
            count = in.getLong("count");
            ad = in.getDouble("ad");
            fast = in.getDouble("fast");
            slow = in.getDouble("slow");
        }
    }
}
