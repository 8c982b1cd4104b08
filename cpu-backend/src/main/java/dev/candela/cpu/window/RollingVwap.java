package dev.candela.cpu.window;

import dev.candela.cpu.CpuIndicator;
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
 * Rolling volume-weighted average price ({@code vwap(20)}): over the last {@code period} bars,
 * {@code sum(tp * volume) / sum(volume)} with the typical price {@code tp = (high + low + close) / 3}.
 * Lookback {@code period - 1}. Not in TA-Lib.
 *
 * <p>Conventions: volumes are expected to be non-negative. When every bar of the window has zero volume
 * (a trading halt), the value is the current bar's typical price, so the line stays on the price instead
 * of becoming 0/0. A missing bar ({@code NaN} in a batch) counts as a bar without trading: it adds
 * nothing to the sums and its own value is {@code NaN}. The sums are kept running (one addition and one
 * subtraction per bar) and reset to exact zeros whenever the window holds no traded volume, so rounding
 * cannot survive a halt.
 */
final class RollingVwap extends CpuIndicator {

    RollingVwap() {
        super("vwap", Category.OVERLAP, "Rolling volume-weighted average of the typical price over n bars",
                EnumSet.of(PriceField.HIGH, PriceField.LOW, PriceField.CLOSE, PriceField.VOLUME), List.of("value"),
                ParameterSpec.ofInt("period", 20, 1, WindowIndicators.MAX_PERIOD, "bars in the window"));
    }

    @Override
    public int lookback(Parameters p) {
        return p.getInt(0) - 1;
    }

    @Override
    protected void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        int n = bars.barCount();
        double[] result = out.array(0, symbol);
        // The typical prices go into the output first; each bar reads its own before overwriting it.
        WindowIndicators.typicalPrices(bars, symbol, result);
        Column volume = bars.column(PriceField.VOLUME, symbol);
        double[] v = volume.array();
        int vo = volume.offset();
        Window window = new Window(p.getInt(0));
        for (int i = 0; i < n; i++) {
            result[i] = window.push(result[i], v[vo + i]);
        }
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new VwapAccumulator.State(new Window(p.getInt(0)));
    }

    /** The running sums over a ring of the window's bars. */
    static final class Window implements VwapAccumulator {
        private final int period;
        private final double[] priceVolume;
        private final double[] volume;
        private int slot;
        private long count;
        private int tradedBars;
        private double sumPriceVolume;
        private double sumVolume;

        Window(int period) {
            this.period = period;
            priceVolume = new double[period];
            volume = new double[period];
        }

        @Override
        public double push(long timestamp, double typicalPrice, double barVolume) {
            return push(typicalPrice, barVolume);
        }

        /** Adds a bar and returns the VWAP of the window ending with it. */
        double push(double typicalPrice, double barVolume) {
            boolean missing = typicalPrice != typicalPrice || barVolume != barVolume;
            double pv = missing ? 0.0 : typicalPrice * barVolume;
            double vol = missing ? 0.0 : barVolume;
            if (count >= period) {
                sumPriceVolume -= priceVolume[slot];
                sumVolume -= volume[slot];
                if (volume[slot] != 0.0) {
                    tradedBars--;
                }
            }
            priceVolume[slot] = pv;
            volume[slot] = vol;
            sumPriceVolume += pv;
            sumVolume += vol;
            if (vol != 0.0) {
                tradedBars++;
            }
            if (tradedBars == 0) {
                sumPriceVolume = 0.0;
                sumVolume = 0.0;
            }
            slot = slot + 1 == period ? 0 : slot + 1;
            count++;
            if (count < period || missing) {
                return Double.NaN;
            }
            return tradedBars == 0 ? typicalPrice : sumPriceVolume / sumVolume;
        }

        @Override
        public long count() {
            return count;
        }

        @Override
        public void save(StateWriter out) {
            out.putLong("count", count);
            out.putLong("slot", slot);
            out.putLong("tradedBars", tradedBars);
            out.putDouble("sumPriceVolume", sumPriceVolume);
            out.putDouble("sumVolume", sumVolume);
            out.putDoubles("priceVolume", priceVolume.clone());
            out.putDoubles("volume", volume.clone());
        }

        @Override
        public void restore(StateReader in) {
            double[] pv = in.getDoubles("priceVolume");
            double[] vol = in.getDoubles("volume");
            long savedSlot = in.getLong("slot");
            if (pv.length != period || vol.length != period || savedSlot < 0 || savedSlot >= period) {
                throw new IllegalStateException("state is not a VWAP window of " + period + " bars");
            }
            System.arraycopy(pv, 0, priceVolume, 0, period);
            System.arraycopy(vol, 0, volume, 0, period);
            slot = (int) savedSlot;
            count = in.getLong("count");
            tradedBars = (int) in.getLong("tradedBars");
            sumPriceVolume = in.getDouble("sumPriceVolume");
            sumVolume = in.getDouble("sumVolume");
        }
    }
}
