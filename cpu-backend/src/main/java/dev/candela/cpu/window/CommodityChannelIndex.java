package dev.candela.cpu.window;

import dev.candela.cpu.CpuIndicator;
import dev.candela.cpu.kernel.MovingAverages;
import dev.candela.cpu.kernel.TypicalPrice;
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
 * The commodity channel index ({@code cci(14)}), TA-Lib's CCI: typical price {@code (h + l + c) / 3}, its
 * mean over {@code period} bars and its mean absolute deviation from that mean;
 * {@code CCI = (tp - mean) / (0.015 * meanDeviation)}, and 0 when either the numerator or the deviation
 * is exactly zero. Lookback {@code period - 1}.
 *
 * <p>The mean absolute deviation has no running update, so each bar costs O(period). The window is a
 * ring buffer indexed by bar number modulo the period and summed in slot order, which is TA-Lib's
 * summation order: results agree bit for bit, including its exact zero tests.
 */
final class CommodityChannelIndex extends CpuIndicator {

    CommodityChannelIndex() {
        super("cci", Category.MOMENTUM, "Commodity channel index: typical price against its mean, in mean deviations",
                EnumSet.of(PriceField.HIGH, PriceField.LOW, PriceField.CLOSE), List.of("value"),
                ParameterSpec.ofInt("period", 14, 2, WindowIndicators.MAX_PERIOD, "bars in the mean and deviation"));
    }

    @Override
    public int lookback(Parameters p) {
        return p.getInt(0) - 1;
    }

    /** CCI of a full ring of typical prices whose newest entry is {@code last}. */
    static double value(double[] ring, double last) {
        int period = ring.length;
        double mean = 0;
        for (double tp : ring) {
            mean += tp;
        }
        mean /= period;
        double deviation = 0;
        for (double tp : ring) {
            deviation += Math.abs(tp - mean);
        }
        double distance = last - mean;
        return distance != 0.0 && deviation != 0.0 ? distance / (0.015 * (deviation / period)) : 0.0;
    }

    @Override
    protected void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        int period = p.getInt(0);
        int n = bars.barCount();
        double[] result = out.array(0, symbol);
        if (n <= period - 1) {
            MovingAverages.nan(result, 0, n);
            return;
        }
        // The typical prices go into the output first; each bar reads its own before overwriting it.
        WindowIndicators.typicalPrices(bars, symbol, result);
        double[] ring = new double[period];
        int slot = 0;
        for (int i = 0; i < n; i++) {
            double tp = result[i];
            ring[slot] = tp;
            slot = slot + 1 == period ? 0 : slot + 1;
            result[i] = i >= period - 1 ? value(ring, tp) : Double.NaN;
        }
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new State(p.getInt(0));
    }

    /** Streaming CCI: the same ring of typical prices. */
    static final class State implements IndicatorState {
        private final double[] ring;
        private long count;
        private double value = Double.NaN;

        State(int period) {
            ring = new double[period];
        }

        @Override
        public void update(long timestamp, double open, double high, double low, double close, double volume) {
            double tp = TypicalPrice.of(high, low, close);
            ring[(int) (count % ring.length)] = tp;
            count++;
            value = count >= ring.length ? CommodityChannelIndex.value(ring, tp) : Double.NaN;
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
            out.putDoubles("typicalPrices", ring.clone());
            out.putDouble("value", value);
        }

        @Override
        public void restore(StateReader in) {
            double[] saved = in.getDoubles("typicalPrices");
            long savedCount = in.getLong("count");
            if (saved.length != ring.length || savedCount < 0) {
                throw new IllegalStateException("state is not a CCI of period " + ring.length);
            }
            System.arraycopy(saved, 0, ring, 0, ring.length);
            count = savedCount;
            value = in.getDouble("value");
        }
    }
}
