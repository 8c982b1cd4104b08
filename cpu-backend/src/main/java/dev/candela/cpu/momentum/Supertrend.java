package dev.candela.cpu.momentum;

import dev.candela.cpu.CpuIndicator;
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
import java.util.Objects;

/**
 * {@code supertrend(period, multiplier)}: the Supertrend trailing band. Outputs {@code value} (the active
 * band) and {@code direction} (+1 in an up trend, -1 in a down trend). Lookback {@code period}.
 *
 * <p>The ATR is Wilder's, exactly TA-Lib's {@code atr(period)} (seeded with the mean true range of bars
 * {@code 1..period}). With {@code mid = (high + low) / 2}, the basic bands are
 * {@code mid +- multiplier * atr}. The final bands carry over as usual: the final upper band takes the basic
 * upper band only when that is lower than the previous final upper band or the previous close rose above
 * the previous final upper band, else it keeps the previous one; the final lower band mirrors this. In a
 * down trend the value is the final upper band, and the trend turns up when the close rises above it; in an
 * up trend the value is the final lower band, and the trend turns down when the close falls below it. At the
 * first bar the final bands are the basic bands and the trend starts down, as in TradingView's
 * {@code ta.supertrend}, so a rising market shows +1 as soon as a close clears the upper band.
 */
final class Supertrend extends CpuIndicator {
    static final double UP = 1.0;
    static final double DOWN = -1.0;

    Supertrend() {
        super("supertrend", Category.OVERLAP, "Supertrend (ATR trailing band and trend direction)",
                EnumSet.of(PriceField.HIGH, PriceField.LOW, PriceField.CLOSE), List.of("value", "direction"),
                ParameterSpec.ofInt("period", 10, 1, MomentumIndicators.MAX_PERIOD, "ATR period in bars"),
                ParameterSpec.ofDouble("multiplier", 3.0, 0.0, 100.0, "band distance in ATRs"));
    }

    @Override
    public int lookback(Parameters p) {
        return p.getInt(0);
    }

    @Override
    protected void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        int period = p.getInt(0);
        double multiplier = p.get(1);
        int len = bars.barCount();
        double[] value = out.array(0, symbol);
        double[] direction = out.array(1, symbol);
        // The ATR goes into the value array first; each bar reads its ATR before overwriting it.
        AverageTrueRange.average(bars, symbol, value, period);
        if (!MovingAverages.warmUp(direction, 0, len, period)) {
            return;
        }
        Column hc = bars.column(PriceField.HIGH, symbol);
        Column lc = bars.column(PriceField.LOW, symbol);
        Column cc = bars.column(PriceField.CLOSE, symbol);
        double[] h = hc.array();
        double[] l = lc.array();
        double[] c = cc.array();
        int ho = hc.offset();
        int lo = lc.offset();
        int co = cc.offset();
        Bands bands = new Bands(multiplier);
        for (int i = period; i < len; i++) {
            bands.next(h[ho + i], l[lo + i], c[co + i], value[i], i == period, c[co + i - 1]);
            value[i] = bands.value();
            direction[i] = bands.direction;
        }
    }

    /** The band carry and trend rules of one symbol, shared by the batch loop and the streaming state. */
    static final class Bands {
        private final double multiplier;
        double upper;
        double lower;
        double direction = DOWN;

        Bands(double multiplier) {
            this.multiplier = multiplier;
        }

        /** Advances to a bar with its ATR; {@code first} marks the first bar with an ATR. */
        void next(double high, double low, double close, double atr, boolean first, double previousClose) {
            double mid = (high + low) / 2.0;
            double basicUpper = mid + multiplier * atr;
            double basicLower = mid - multiplier * atr;
            if (first) {
                upper = basicUpper;
                lower = basicLower;
                direction = DOWN;
                return;
            }
            upper = basicUpper < upper || previousClose > upper ? basicUpper : upper;
            lower = basicLower > lower || previousClose < lower ? basicLower : lower;
            if (direction == DOWN) {
                direction = close > upper ? UP : DOWN;
            } else {
                direction = close < lower ? DOWN : UP;
            }
        }

        double value() {
            return direction == UP ? lower : upper;
        }
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new State(p.getInt(0), p.get(1));
    }

    static final class State implements IndicatorState {
        private final long firstCount;
        private final TrueRangeAverage atr;
        private final Bands bands;
        private double previousClose;
        private double value = Double.NaN;
        private double direction = Double.NaN;

        State(int period, double multiplier) {
            this.firstCount = period + 1L;
            this.atr = new TrueRangeAverage(period);
            this.bands = new Bands(multiplier);
        }

        @Override
        public void update(long timestamp, double open, double high, double low, double close, double volume) {
            atr.push(high, low, close);
            long count = atr.count();
            if (count >= firstCount) {
                bands.next(high, low, close, atr.value(), count == firstCount, previousClose);
                value = bands.value();
                direction = bands.direction;
            }
            previousClose = close;
        }

        @Override
        public double value(int output) {
            return Objects.checkIndex(output, 2) == 0 ? value : direction;
        }

        @Override
        public long barsSeen() {
            return atr.count();
        }

        @Override
        public void save(StateWriter out) {
            atr.save(out, "atr");
            out.putDoubles("bands", new double[] {bands.upper, bands.lower, bands.direction});
            out.putDouble("previousClose", previousClose);
            out.putDouble("value", value);
            out.putDouble("direction", direction);
        }

        @Override
        public void restore(StateReader in) {
            atr.restore(in, "atr");
            double[] saved = in.getDoubles("bands");
            if (saved.length != 3) {
                throw new IllegalStateException("state 'bands' must hold upper, lower and direction");
            }
            bands.upper = saved[0];
            bands.lower = saved[1];
            bands.direction = saved[2];
            previousClose = in.getDouble("previousClose");
            value = in.getDouble("value");
            direction = in.getDouble("direction");
        }
    }
}
