package dev.candela.cpu.window;

import dev.candela.cpu.CpuIndicator;
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

/**
 * Chaikin's accumulation/distribution line ({@code ad}), TA-Lib's AD: the running sum from 0 of
 * {@code ((c - l) - (h - c)) / (h - l) * volume}; a bar with {@code h - l <= 0} adds nothing. Lookback 0.
 */
final class AccumulationDistribution extends CpuIndicator {

    AccumulationDistribution() {
        super("ad", Category.VOLUME, "Chaikin accumulation/distribution line: volume weighted by the close location",
                EnumSet.of(PriceField.HIGH, PriceField.LOW, PriceField.CLOSE, PriceField.VOLUME), List.of("value"));
    }

    @Override
    public int lookback(Parameters p) {
        return 0;
    }

    /**
     * The A/D line after one more bar, in TA-Lib's operation order. A bar without range is skipped rather
     * than adding 0, as TA-Lib does.
     */
    static double accumulate(double ad, double high, double low, double close, double volume) {
        double range = high - low;
        return range > 0.0 ? ad + (((close - low) - (high - close)) / range) * volume : ad;
    }

    /** Writes the A/D line of bars {@code [0, n)} into {@code out[0, n)}; shared with ADOSC. */
    static void line(BarBatch bars, int symbol, double[] out) {
        int n = bars.barCount();
        Column high = bars.column(PriceField.HIGH, symbol);
        Column low = bars.column(PriceField.LOW, symbol);
        Column close = bars.column(PriceField.CLOSE, symbol);
        Column volume = bars.column(PriceField.VOLUME, symbol);
        double[] h = high.array();
        double[] l = low.array();
        double[] c = close.array();
        double[] v = volume.array();
        int ho = high.offset();
        int lo = low.offset();
        int co = close.offset();
        int vo = volume.offset();
        double ad = 0.0;
        for (int i = 0; i < n; i++) {
            ad = accumulate(ad, h[ho + i], l[lo + i], c[co + i], v[vo + i]);
            out[i] = ad;
        }
    }

    @Override
    protected void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        line(bars, symbol, out.array(0, symbol));
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new State();
    }

    /** Streaming A/D: the running sum. */
    static final class State implements IndicatorState {
        private long count;
        private double ad;

        @Override
        public void update(long timestamp, double open, double high, double low, double close, double volume) {
            ad = accumulate(ad, high, low, close, volume);
            count++;
        }

        @Override
        public double value(int output) {
            return count == 0 ? Double.NaN : ad;
        }

        @Override
        public long barsSeen() {
            return count;
        }

        @Override
        public void save(StateWriter out) {
            out.putLong("count", count);
            out.putDouble("ad", ad);
        }

        @Override
        public void restore(StateReader in) {
            count = in.getLong("count");
            ad = in.getDouble("ad");
        }
    }
}
