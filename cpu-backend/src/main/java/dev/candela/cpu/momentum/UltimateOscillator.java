package dev.candela.cpu.momentum;

import dev.candela.cpu.CpuIndicator;
import dev.candela.cpu.kernel.MovingAverages;
import dev.candela.cpu.kernel.TaLibZero;
import dev.candela.cpu.kernel.TrueRange;
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

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * {@code ultosc(period1, period2, period3)}: Larry Williams' Ultimate Oscillator, TA-Lib-exact. Buying
 * pressure is {@code close - min(low, previous close)}; over each window its sum is divided by the sum of
 * true ranges, and the three ratios are weighted 4 : 2 : 1 from the shortest window to the longest, then
 * scaled to {@code 100 * weighted / 7}. Like TA-Lib, the periods are sorted first, so the order they are
 * given in does not matter; lookback is the longest period. Window sums are running sums, in TA-Lib's order
 * (seed, add the newest bar, read, subtract the oldest); a window with a zero true-range sum contributes 0.
 */
final class UltimateOscillator extends CpuIndicator {

    UltimateOscillator() {
        super("ultosc", Category.MOMENTUM, "Ultimate Oscillator",
                EnumSet.of(PriceField.HIGH, PriceField.LOW, PriceField.CLOSE), List.of("value"),
                ParameterSpec.ofInt("period1", 7, 1, MomentumIndicators.MAX_PERIOD, "first window in bars"),
                ParameterSpec.ofInt("period2", 14, 1, MomentumIndicators.MAX_PERIOD, "second window in bars"),
                ParameterSpec.ofInt("period3", 28, 1, MomentumIndicators.MAX_PERIOD, "third window in bars"));
    }

    /** The three periods, shortest first. */
    private static int[] sortedPeriods(Parameters p) {
        int[] periods = {p.getInt(0), p.getInt(1), p.getInt(2)};
        Arrays.sort(periods);
        return periods;
    }

    @Override
    public int lookback(Parameters p) {
        return sortedPeriods(p)[2];
    }

    static double buyingPressure(double low, double close, double previousClose) {
        return close - Math.min(low, previousClose);
    }

    /** The oscillator from the pressure and range sums of the short, middle and long windows. */
    static double value(double a1, double b1, double a2, double b2, double a3, double b3) {
        double weighted = 0.0;
        if (!TaLibZero.isZero(b1)) {
            weighted += 4.0 * (a1 / b1);
        }
        if (!TaLibZero.isZero(b2)) {
            weighted += 2.0 * (a2 / b2);
        }
        if (!TaLibZero.isZero(b3)) {
            weighted += a3 / b3;
        }
        return 100.0 * (weighted / 7.0);
    }

    @Override
    public void compute(Parameters p, BarBatch bars, IndicatorOutput out) {
        int len = bars.barCount();
        double[] pressure = new double[len];
        double[] range = new double[len];
        for (int s = 0; s < bars.symbolCount(); s++) {
            compute(p, bars, s, out.array(0, s), pressure, range);
        }
    }

    @Override
    protected void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        int len = bars.barCount();
        compute(p, bars, symbol, out.array(0, symbol), new double[len], new double[len]);
    }

    private static void compute(Parameters p, BarBatch bars, int symbol, double[] out, double[] bp, double[] tr) {
        int[] periods = sortedPeriods(p);
        int p1 = periods[0];
        int p2 = periods[1];
        int p3 = periods[2];
        int len = bars.barCount();
        if (len <= p3) {
            MovingAverages.nan(out, 0, len);
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
        for (int i = 1; i < len; i++) {
            double previousClose = c[co + i - 1];
            bp[i] = buyingPressure(l[lo + i], c[co + i], previousClose);
            tr[i] = TrueRange.of(h[ho + i], l[lo + i], previousClose);
        }
        double a1 = 0;
        double b1 = 0;
        for (int i = p3 - p1 + 1; i < p3; i++) {
            a1 += bp[i];
            b1 += tr[i];
        }
        double a2 = 0;
        double b2 = 0;
        for (int i = p3 - p2 + 1; i < p3; i++) {
            a2 += bp[i];
            b2 += tr[i];
        }
        double a3 = 0;
        double b3 = 0;
        for (int i = 1; i < p3; i++) {
            a3 += bp[i];
            b3 += tr[i];
        }
        MovingAverages.nan(out, 0, p3);
        for (int i = p3; i < len; i++) {
            double x = bp[i];
            double r = tr[i];
            a1 += x;
            a2 += x;
            a3 += x;
            b1 += r;
            b2 += r;
            b3 += r;
            out[i] = value(a1, b1, a2, b2, a3, b3);
            a1 -= bp[i - p1 + 1];
            b1 -= tr[i - p1 + 1];
            a2 -= bp[i - p2 + 1];
            b2 -= tr[i - p2 + 1];
            a3 -= bp[i - p3 + 1];
            b3 -= tr[i - p3 + 1];
        }
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new State(sortedPeriods(p));
    }

    static final class State implements IndicatorState {
        private final int p1;
        private final int p2;
        private final int p3;
        private final double[] pressures;
        private final double[] ranges;
        private long count;
        private double previousClose;
        /** Window sums: pressure and range of the short, middle and long windows. */
        private final double[] sums = new double[6];
        private double value = Double.NaN;

        State(int[] sortedPeriods) {
            this.p1 = sortedPeriods[0];
            this.p2 = sortedPeriods[1];
            this.p3 = sortedPeriods[2];
            this.pressures = new double[p3];
            this.ranges = new double[p3];
        }

        @Override
        public void update(long timestamp, double open, double high, double low, double close, double volume) {
            long i = count++;
            if (i == 0) {
                previousClose = close;
                return;
            }
            double x = buyingPressure(low, close, previousClose);
            double r = TrueRange.of(high, low, previousClose);
            previousClose = close;
            pressures[slot(i)] = x;
            ranges[slot(i)] = r;
            if (i < p3) {
                add(0, i >= p3 - p1 + 1, x, r);
                add(2, i >= p3 - p2 + 1, x, r);
                add(4, true, x, r);
                return;
            }
            add(0, true, x, r);
            add(2, true, x, r);
            add(4, true, x, r);
            value = UltimateOscillator.value(sums[0], sums[1], sums[2], sums[3], sums[4], sums[5]);
            remove(0, i - p1 + 1);
            remove(2, i - p2 + 1);
            remove(4, i - p3 + 1);
        }

        private int slot(long bar) {
            return (int) (bar % p3);
        }

        private void add(int at, boolean inWindow, double x, double r) {
            if (inWindow) {
                sums[at] += x;
                sums[at + 1] += r;
            }
        }

        private void remove(int at, long bar) {
            sums[at] -= pressures[slot(bar)];
            sums[at + 1] -= ranges[slot(bar)];
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
            out.putDouble("previousClose", previousClose);
            out.putDouble("value", value);
            out.putDoubles("sums", sums.clone());
            out.putDoubles("pressures", pressures.clone());
            out.putDoubles("ranges", ranges.clone());
        }

        @Override
        public void restore(StateReader in) {
            long savedCount = in.getLong("count");
            double[] savedSums = in.getDoubles("sums");
            double[] savedPressures = in.getDoubles("pressures");
            double[] savedRanges = in.getDoubles("ranges");
            if (savedCount < 0 || savedSums.length != sums.length || savedPressures.length != p3
                    || savedRanges.length != p3) {
                throw new IllegalStateException("state is not an Ultimate Oscillator with a longest period of " + p3);
            }
            count = savedCount;
            previousClose = in.getDouble("previousClose");
            value = in.getDouble("value");
            System.arraycopy(savedSums, 0, sums, 0, sums.length);
            System.arraycopy(savedPressures, 0, pressures, 0, p3);
            System.arraycopy(savedRanges, 0, ranges, 0, p3);
        }
    }
}
