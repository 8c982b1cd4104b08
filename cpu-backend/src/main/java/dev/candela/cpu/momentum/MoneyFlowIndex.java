package dev.candela.cpu.momentum;

import dev.candela.cpu.CpuIndicator;
import dev.candela.cpu.kernel.MovingAverages;
import dev.candela.cpu.kernel.TypicalPrice;
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
import java.util.Objects;

/**
 * {@code mfi(period)}: Money Flow Index, TA-Lib-exact, lookback {@code period}. The money flow of a bar is
 * its typical price {@code (high + low + close) / 3} times its volume, counted as positive when the typical
 * price rose from the previous bar and negative when it fell. The value is
 * {@code 100 * positive / (positive + negative)} over the last {@code period} bars, and 0 when that total
 * is below 1 (TA-Lib's guard, which also covers windows without volume). The sums are running sums with
 * the oldest flow subtracted before the newest is added, in TA-Lib's order.
 */
final class MoneyFlowIndex extends CpuIndicator {

    MoneyFlowIndex() {
        super("mfi", Category.MOMENTUM, "Money Flow Index",
                EnumSet.of(PriceField.HIGH, PriceField.LOW, PriceField.CLOSE, PriceField.VOLUME), List.of("value"),
                ParameterSpec.ofInt("period", 14, 2, MomentumIndicators.MAX_PERIOD, "number of bars"));
    }

    @Override
    public int lookback(Parameters p) {
        return p.getInt(0);
    }

    @Override
    public void compute(Parameters p, BarBatch bars, IndicatorOutput out) {
        int period = p.getInt(0);
        double[] positive = new double[period];
        double[] negative = new double[period];
        for (int s = 0; s < bars.symbolCount(); s++) {
            compute(period, bars, s, out.array(0, s), positive, negative);
        }
    }

    @Override
    protected void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        int period = p.getInt(0);
        compute(period, bars, symbol, out.array(0, symbol), new double[period], new double[period]);
    }

    static double value(double positive, double negative) {
        double total = positive + negative;
        return total < 1.0 ? 0.0 : 100.0 * (positive / total);
    }

    private static void compute(int period, BarBatch bars, int symbol, double[] out, double[] positive,
                                double[] negative) {
        int len = bars.barCount();
        if (len <= period) {
            MovingAverages.nan(out, 0, len);
            return;
        }
        Column hc = bars.column(PriceField.HIGH, symbol);
        Column lc = bars.column(PriceField.LOW, symbol);
        Column cc = bars.column(PriceField.CLOSE, symbol);
        Column vc = bars.column(PriceField.VOLUME, symbol);
        double[] h = hc.array();
        double[] l = lc.array();
        double[] c = cc.array();
        double[] v = vc.array();
        int ho = hc.offset();
        int lo = lc.offset();
        int co = cc.offset();
        int vo = vc.offset();
        MovingAverages.nan(out, 0, period);
        double previous = TypicalPrice.of(h[ho], l[lo], c[co]);
        double positiveSum = 0;
        double negativeSum = 0;
        for (int i = 1; i <= period; i++) {
            double tp = TypicalPrice.of(h[ho + i], l[lo + i], c[co + i]);
            double change = tp - previous;
            previous = tp;
            double flow = tp * v[vo + i];
            double up = change > 0 ? flow : 0.0;
            double down = change < 0 ? flow : 0.0;
            positive[i - 1] = up;
            negative[i - 1] = down;
            positiveSum += up;
            negativeSum += down;
        }
        out[period] = value(positiveSum, negativeSum);
        int slot = 0;
        for (int i = period + 1; i < len; i++) {
            positiveSum -= positive[slot];
            negativeSum -= negative[slot];
            double tp = TypicalPrice.of(h[ho + i], l[lo + i], c[co + i]);
            double change = tp - previous;
            previous = tp;
            double flow = tp * v[vo + i];
            double up = change > 0 ? flow : 0.0;
            double down = change < 0 ? flow : 0.0;
            positive[slot] = up;
            negative[slot] = down;
            positiveSum += up;
            negativeSum += down;
            out[i] = value(positiveSum, negativeSum);
            slot = slot + 1 == period ? 0 : slot + 1;
        }
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new State(p.getInt(0));
    }

    static final class State implements IndicatorState {
        private final int period;
        private final double[] positive;
        private final double[] negative;
        private long count;
        private int slot;
        private double previous;
        private double positiveSum;
        private double negativeSum;
        private double value = Double.NaN;

        State(int period) {
            this.period = period;
            this.positive = new double[period];
            this.negative = new double[period];
        }

        @Override
        public void update(long timestamp, double open, double high, double low, double close, double volume) {
            long i = count++;
            double tp = TypicalPrice.of(high, low, close);
            if (i == 0) {
                previous = tp;
                return;
            }
            if (i > period) {
                positiveSum -= positive[slot];
                negativeSum -= negative[slot];
            }
            double change = tp - previous;
            previous = tp;
            double flow = tp * volume;
            double up = change > 0 ? flow : 0.0;
            double down = change < 0 ? flow : 0.0;
            positive[slot] = up;
            negative[slot] = down;
            positiveSum += up;
            negativeSum += down;
            slot = slot + 1 == period ? 0 : slot + 1;
            value = i >= period ? MoneyFlowIndex.value(positiveSum, negativeSum) : Double.NaN;
        }

        @Override
        public double value(int output) {
            Objects.checkIndex(output, 1);
            return value;
        }

        @Override
        public long barsSeen() {
            return count;
        }

        @Override
        public void save(StateWriter out) {
            out.putLong("count", count);
            out.putDouble("previous", previous);
            out.putDouble("positiveSum", positiveSum);
            out.putDouble("negativeSum", negativeSum);
            out.putDouble("value", value);
            out.putDoubles("positive", positive.clone());
            out.putDoubles("negative", negative.clone());
        }

        @Override
        public void restore(StateReader in) {
            long savedCount = in.getLong("count");
            double[] savedPositive = in.getDoubles("positive");
            double[] savedNegative = in.getDoubles("negative");
            if (savedCount < 0 || savedPositive.length != period || savedNegative.length != period) {
                throw new IllegalStateException("state is not an MFI of period " + period);
            }
            count = savedCount;
            slot = savedCount == 0 ? 0 : (int) ((savedCount - 1) % period);
            previous = in.getDouble("previous");
            positiveSum = in.getDouble("positiveSum");
            negativeSum = in.getDouble("negativeSum");
            value = in.getDouble("value");
            System.arraycopy(savedPositive, 0, positive, 0, period);
            System.arraycopy(savedNegative, 0, negative, 0, period);
        }
    }
}
