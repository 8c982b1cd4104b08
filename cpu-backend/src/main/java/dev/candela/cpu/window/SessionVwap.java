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
 * Session-anchored volume-weighted average price ({@code vwap_session}): {@code sum(tp * volume) /
 * sum(volume)} with {@code tp = (high + low + close) / 3}, accumulated from the first bar of each UTC
 * calendar day. Sessions are read from the bar timestamps (open times, epoch milliseconds UTC): the sums
 * restart at the first bar whose open time falls on a new UTC day, whatever the bar interval, so a bar
 * that opens before midnight belongs to the day it opens in. Lookback 0. Not in TA-Lib.
 *
 * <p>Conventions: volumes are expected to be non-negative. While the session has no traded volume yet,
 * the value is the current bar's typical price. A missing bar ({@code NaN} in a batch) adds nothing and
 * its own value is {@code NaN}; the session continues with the next bar.
 */
final class SessionVwap extends CpuIndicator {
    private static final long MILLIS_PER_DAY = 86_400_000L;

    SessionVwap() {
        super("vwap_session", Category.OVERLAP, "Volume-weighted average of the typical price since the UTC day began",
                EnumSet.of(PriceField.HIGH, PriceField.LOW, PriceField.CLOSE, PriceField.VOLUME), List.of("value"));
    }

    @Override
    public int lookback(Parameters p) {
        return 0;
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
        Session session = new Session();
        for (int i = 0; i < n; i++) {
            result[i] = session.push(bars.timestamp(i), result[i], v[vo + i]);
        }
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new VwapAccumulator.State(new Session());
    }

    /** The sums of the current session. */
    static final class Session implements VwapAccumulator {
        private long day = Long.MIN_VALUE;
        private long count;
        private double sumPriceVolume;
        private double sumVolume;

        @Override
        public double push(long timestamp, double typicalPrice, double barVolume) {
            count++;
            long barDay = Math.floorDiv(timestamp, MILLIS_PER_DAY);
            if (barDay != day) {
                day = barDay;
                sumPriceVolume = 0.0;
                sumVolume = 0.0;
            }
            if (typicalPrice != typicalPrice || barVolume != barVolume) {
                return Double.NaN;
            }
            sumPriceVolume += typicalPrice * barVolume;
            sumVolume += barVolume;
            return sumVolume == 0.0 ? typicalPrice : sumPriceVolume / sumVolume;
        }

        @Override
        public long count() {
            return count;
        }

        @Override
        public void save(StateWriter out) {
            out.putLong("count", count);
            out.putLong("day", day);
            out.putDouble("sumPriceVolume", sumPriceVolume);
            out.putDouble("sumVolume", sumVolume);
        }

        @Override
        public void restore(StateReader in) {
            count = in.getLong("count");
            day = in.getLong("day");
            sumPriceVolume = in.getDouble("sumPriceVolume");
            sumVolume = in.getDouble("sumVolume");
        }
    }
}
