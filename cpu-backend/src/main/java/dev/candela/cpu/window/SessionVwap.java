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
        Session session = new Session();
        for (int i = 0; i < n; i++) {
            result[i] = session.push(bars.timestamp(i), TypicalPrice.of(h[ho + i], l[lo + i], c[co + i]), v[vo + i]);
        }
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new State();
    }

    /** The sums of the current session; one implementation for batch and streaming. */
    static final class Session {
        private long day = Long.MIN_VALUE;
        private long count;
        private double sumPriceVolume;
        private double sumVolume;

        /** Adds a bar opening at {@code timestamp} and returns the session VWAP up to it. */
        double push(long timestamp, double typicalPrice, double barVolume) {
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

        long count() {
            return count;
        }

        void save(StateWriter out) {
            out.putLong("count", count);
            out.putLong("day", day);
            out.putDouble("sumPriceVolume", sumPriceVolume);
            out.putDouble("sumVolume", sumVolume);
        }

        void restore(StateReader in) {
            count = in.getLong("count");
            day = in.getLong("day");
            sumPriceVolume = in.getDouble("sumPriceVolume");
            sumVolume = in.getDouble("sumVolume");
        }
    }

    /** Streaming session VWAP. */
    static final class State implements IndicatorState {
        private final Session session = new Session();
        private double value = Double.NaN;

        @Override
        public void update(long timestamp, double open, double high, double low, double close, double volume) {
            value = session.push(timestamp, TypicalPrice.of(high, low, close), volume);
        }

        @Override
        public double value(int output) {
            return value;
        }

        @Override
        public long barsSeen() {
            return session.count();
        }

        @Override
        public void save(StateWriter out) {
            session.save(out);
            out.putDouble("value", value);
        }

        @Override
        public void restore(StateReader in) {
            session.restore(in);
            value = in.getDouble("value");
        }
    }
}
