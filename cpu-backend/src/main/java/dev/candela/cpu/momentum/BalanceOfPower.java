package dev.candela.cpu.momentum;

import dev.candela.cpu.CpuIndicator;
import dev.candela.cpu.kernel.TaLibZero;
import dev.candela.spi.BarBatch;
import dev.candela.spi.Category;
import dev.candela.spi.Column;
import dev.candela.spi.IndicatorOutput;
import dev.candela.spi.IndicatorState;
import dev.candela.spi.Parameters;
import dev.candela.spi.PriceField;
import dev.candela.spi.StateReader;
import dev.candela.spi.StateWriter;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * {@code bop}: Balance of Power, {@code (close - open) / (high - low)} per bar, 0 when the range is below
 * 1e-8 (TA-Lib's guard for flat bars); lookback 0.
 */
final class BalanceOfPower extends CpuIndicator {

    BalanceOfPower() {
        super("bop", Category.MOMENTUM, "Balance of Power",
                EnumSet.of(PriceField.OPEN, PriceField.HIGH, PriceField.LOW, PriceField.CLOSE), List.of("value"));
    }

    @Override
    public int lookback(Parameters p) {
        return 0;
    }

    static double value(double open, double high, double low, double close) {
        double range = high - low;
        return range < TaLibZero.EPSILON ? 0.0 : (close - open) / range;
    }

    @Override
    protected void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        Column oc = bars.column(PriceField.OPEN, symbol);
        Column hc = bars.column(PriceField.HIGH, symbol);
        Column lc = bars.column(PriceField.LOW, symbol);
        Column cc = bars.column(PriceField.CLOSE, symbol);
        double[] o = oc.array();
        double[] h = hc.array();
        double[] l = lc.array();
        double[] c = cc.array();
        int oo = oc.offset();
        int ho = hc.offset();
        int lo = lc.offset();
        int co = cc.offset();
        double[] result = out.array(0, symbol);
        for (int i = 0; i < bars.barCount(); i++) {
            result[i] = value(o[oo + i], h[ho + i], l[lo + i], c[co + i]);
        }
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new State();
    }

    static final class State implements IndicatorState {
        private long count;
        private double value = Double.NaN;

        @Override
        public void update(long timestamp, double open, double high, double low, double close, double volume) {
            count++;
            value = BalanceOfPower.value(open, high, low, close);
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
            out.putDouble("value", value);
        }

        @Override
        public void restore(StateReader in) {
            long savedCount = in.getLong("count");
            if (savedCount < 0) {
                throw new IllegalStateException("state: negative bar count " + savedCount);
            }
            count = savedCount;
            value = in.getDouble("value");
        }
    }
}
