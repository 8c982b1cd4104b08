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
 * On-balance volume ({@code obv}), TA-Lib's OBV: starts at bar 0's volume (not at zero), then adds the
 * bar's volume when the close rises, subtracts it when the close falls, and keeps it on an unchanged
 * close. Lookback 0.
 */
final class OnBalanceVolume extends CpuIndicator {

    OnBalanceVolume() {
        super("obv", Category.VOLUME, "On-balance volume: cumulative volume signed by the close's direction",
                EnumSet.of(PriceField.CLOSE, PriceField.VOLUME), List.of("value"));
    }

    @Override
    public int lookback(Parameters p) {
        return 0;
    }

    @Override
    protected void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        int n = bars.barCount();
        if (n == 0) {
            return;
        }
        double[] result = out.array(0, symbol);
        Column close = bars.column(PriceField.CLOSE, symbol);
        Column volume = bars.column(PriceField.VOLUME, symbol);
        double[] c = close.array();
        double[] v = volume.array();
        int co = close.offset();
        int vo = volume.offset();
        double obv = v[vo];
        double previous = c[co];
        result[0] = obv;
        for (int i = 1; i < n; i++) {
            double x = c[co + i];
            if (x > previous) {
                obv += v[vo + i];
            } else if (x < previous) {
                obv -= v[vo + i];
            }
            result[i] = obv;
            previous = x;
        }
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new State();
    }

    /** Streaming OBV: the running total and the previous close. */
    static final class State implements IndicatorState {
        private long count;
        private double obv = Double.NaN;
        private double previousClose;

        @Override
        public void update(long timestamp, double open, double high, double low, double close, double volume) {
            if (count == 0) {
                obv = volume;
            } else if (close > previousClose) {
                obv += volume;
            } else if (close < previousClose) {
                obv -= volume;
            }
            previousClose = close;
            count++;
        }

        @Override
        public double value(int output) {
            return obv;
        }

        @Override
        public long barsSeen() {
            return count;
        }

        @Override
        public void save(StateWriter out) {
            out.putLong("count", count);
            out.putDouble("obv", obv);
            out.putDouble("previousClose", previousClose);
        }

        @Override
        public void restore(StateReader in) {
            count = in.getLong("count");
            obv = in.getDouble("obv");
            previousClose = in.getDouble("previousClose");
        }
    }
}
