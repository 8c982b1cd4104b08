package dev.candela.cpu.window;

import dev.candela.cpu.CpuIndicator;
import dev.candela.cpu.kernel.DirectionalMovement;
import dev.candela.cpu.kernel.MovingAverages;
import dev.candela.spi.BarBatch;
import dev.candela.spi.Category;
import dev.candela.spi.Column;
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
 * Wilder's parabolic stop-and-reverse ({@code sar(0.02,0.2)}), following TA-Lib's SAR rule for rule.
 *
 * <p>Start (bar 1, lookback 1): the first position is short when bar 1's minus directional movement is
 * positive ({@code low[0] - low[1] > 0} and greater than {@code high[1] - high[0]}), long otherwise. A
 * long starts with {@code sar = low[0]} and extreme point {@code high[1]}, a short with
 * {@code sar = high[0]} and {@code low[1]}. On bar 1 the "previous bar" used for the penetration limits
 * is bar 1 itself, as in TA-Lib.
 *
 * <p>Each bar: a long is stopped when {@code low <= sar} (a short when {@code high >= sar}); the reported
 * SAR of a reversal bar is the old extreme point, limited by the previous and current bar's range; the
 * factor resets to {@code acceleration}. Otherwise the SAR is reported, the extreme point and factor
 * advance (the factor by {@code acceleration}, at most {@code maximum}), and the next SAR is moved
 * towards the extreme point but never into the previous or current bar's range. An acceleration above
 * the maximum is lowered to the maximum, as TA-Lib does.
 */
final class ParabolicSar extends CpuIndicator {

    ParabolicSar() {
        super("sar", Category.OVERLAP, "Parabolic SAR: Wilder's trailing stop-and-reverse level",
                EnumSet.of(PriceField.HIGH, PriceField.LOW), List.of("value"),
                ParameterSpec.ofDouble("acceleration", 0.02, 0, 3e37, "step of the acceleration factor"),
                ParameterSpec.ofDouble("maximum", 0.2, 0, 3e37, "ceiling of the acceleration factor"));
    }

    @Override
    public int lookback(Parameters p) {
        return 1;
    }

    @Override
    protected void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        int n = bars.barCount();
        double[] result = out.array(0, symbol);
        Column high = bars.column(PriceField.HIGH, symbol);
        Column low = bars.column(PriceField.LOW, symbol);
        double[] h = high.array();
        double[] l = low.array();
        int ho = high.offset();
        int lo = low.offset();
        MovingAverages.nan(result, 0, Math.min(n, 1));
        if (n < 2) {
            return;
        }
        Machine machine = new Machine(p.get(0), p.get(1));
        machine.start(h[ho], l[lo], h[ho + 1], l[lo + 1]);
        for (int i = 1; i < n; i++) {
            result[i] = machine.step(h[ho + i], l[lo + i]);
        }
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new State(p.get(0), p.get(1));
    }

    /** The SAR recursion, shared by the batch loop and the streaming state. */
    static final class Machine {
        private final double acceleration;
        private final double maximum;
        private boolean isLong;
        private double factor;
        private double extreme;
        private double sar;
        private double previousHigh;
        private double previousLow;

        Machine(double acceleration, double maximum) {
            this.acceleration = acceleration > maximum ? maximum : acceleration;
            this.maximum = maximum;
        }

        /** Initial position from bars 0 and 1; the next {@link #step} must be bar 1. */
        void start(double high0, double low0, double high1, double low1) {
            // Short when bar 1 has a positive -DM, TA-Lib's test of the first direction.
            isLong = !(DirectionalMovement.minus(high1 - high0, low0 - low1) > 0);
            if (isLong) {
                extreme = high1;
                sar = low0;
            } else {
                extreme = low1;
                sar = high0;
            }
            factor = acceleration;
            previousHigh = high1;
            previousLow = low1;
        }

        /** Advances by one bar and returns the SAR reported for it. */
        double step(double high, double low) {
            double prevHigh = previousHigh;
            double prevLow = previousLow;
            previousHigh = high;
            previousLow = low;
            double reported;
            if (isLong) {
                if (low <= sar) {
                    isLong = false;
                    reported = atLeast(atLeast(extreme, prevHigh), high);
                    factor = acceleration;
                    extreme = low;
                    sar = atLeast(atLeast(reported + factor * (extreme - reported), prevHigh), high);
                } else {
                    reported = sar;
                    if (high > extreme) {
                        extreme = high;
                        factor = atMost(factor + acceleration, maximum);
                    }
                    sar = atMost(atMost(sar + factor * (extreme - sar), prevLow), low);
                }
            } else {
                if (high >= sar) {
                    isLong = true;
                    reported = atMost(atMost(extreme, prevLow), low);
                    factor = acceleration;
                    extreme = high;
                    sar = atMost(atMost(reported + factor * (extreme - reported), prevLow), low);
                } else {
                    reported = sar;
                    if (low < extreme) {
                        extreme = low;
                        factor = atMost(factor + acceleration, maximum);
                    }
                    sar = atLeast(atLeast(sar + factor * (extreme - sar), prevHigh), high);
                }
            }
            return reported;
        }

        // TA-Lib's limits as plain comparisons (not Math.max/min), so NaN and signed zeros behave as there.
        private static double atLeast(double x, double floor) {
            return x < floor ? floor : x;
        }

        private static double atMost(double x, double ceiling) {
            return x > ceiling ? ceiling : x;
        }

        void save(StateWriter out) {
            out.putLong("long", isLong ? 1 : 0);
            out.putDouble("factor", factor);
            out.putDouble("extreme", extreme);
            out.putDouble("sar", sar);
            out.putDouble("previousHigh", previousHigh);
            out.putDouble("previousLow", previousLow);
        }

        void restore(StateReader in) {
            isLong = in.getLong("long") != 0;
            factor = in.getDouble("factor");
            extreme = in.getDouble("extreme");
            sar = in.getDouble("sar");
            previousHigh = in.getDouble("previousHigh");
            previousLow = in.getDouble("previousLow");
        }
    }

    /** Streaming SAR: bar 0 is remembered, bar 1 starts the machine. */
    static final class State implements IndicatorState {
        private final Machine machine;
        private long count;
        private double firstHigh;
        private double firstLow;
        private double value = Double.NaN;

        State(double acceleration, double maximum) {
            machine = new Machine(acceleration, maximum);
        }

        @Override
        public void update(long timestamp, double open, double high, double low, double close, double volume) {
            if (count == 0) {
                firstHigh = high;
                firstLow = low;
            } else {
                if (count == 1) {
                    machine.start(firstHigh, firstLow, high, low);
                }
                value = machine.step(high, low);
            }
            count++;
        }

        @Override
        public double value(int output) {
            return value;
        }

        @Override
        public long barsSeen() {
            return count;
        }

        @Override
        public void save(StateWriter out) {
            out.putLong("count", count);
            out.putDouble("firstHigh", firstHigh);
            out.putDouble("firstLow", firstLow);
            out.putDouble("value", value);
            machine.save(out);
        }

        @Override
        public void restore(StateReader in) {
            count = in.getLong("count");
            firstHigh = in.getDouble("firstHigh");
            firstLow = in.getDouble("firstLow");
            value = in.getDouble("value");
            machine.restore(in);
        }
    }
}
