package dev.candela.cpu.window;

import dev.candela.cpu.CpuIndicator;
import dev.candela.cpu.kernel.RollingExtremes;
import dev.candela.cpu.kernel.RollingRange;
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
 * Ichimoku Kinko Hyo ({@code ichimoku(9,26,52)}) in a causal form: every output at bar {@code i} uses
 * bars {@code <= i} only. Not in TA-Lib. The displacement {@code d} is the kijun period (26 by default),
 * as in the classic chart. With {@code mid(n)} = (highest high + lowest low) / 2 over the last {@code n}
 * bars:
 * <ul>
 *   <li>{@code tenkan(i)} = {@code mid(tenkan_period)} at {@code i}; {@code kijun(i)} = {@code mid(kijun_period)}
 *       at {@code i}.</li>
 *   <li>{@code senkou_a(i)} = {@code (tenkan + kijun) / 2} computed at bar {@code i - d}, and
 *       {@code senkou_b(i)} = {@code mid(senkou_b_period)} at bar {@code i - d}: the cloud as the chart draws
 *       it above bar {@code i}. The chart's displacement moves values forward in time, which is causal.</li>
 *   <li>{@code chikou(i)} = {@code close(i) - close(i - d)}. The classic lagging span draws today's close
 *       {@code d} bars back, so "the chikou at bar i" would be a future close: look-ahead. What traders read
 *       from it is whether the newest close stands above or below the price {@code d} bars earlier; this
 *       output is that distance, positive when the lagging span is above the price, available at the bar
 *       it describes.</li>
 * </ul>
 * All five outputs share one lookback, {@code max(tenkan, kijun, senkou_b periods) - 1 + d}, so that a row
 * is either complete or empty, as with TA-Lib's multi-output functions.
 */
final class Ichimoku extends CpuIndicator {

    Ichimoku() {
        super("ichimoku", Category.OVERLAP, "Ichimoku cloud, causal: tenkan, kijun, displaced senkou spans, chikou distance",
                EnumSet.of(PriceField.HIGH, PriceField.LOW, PriceField.CLOSE),
                List.of("tenkan", "kijun", "senkou_a", "senkou_b", "chikou"),
                ParameterSpec.ofInt("tenkan_period", 9, 1, WindowIndicators.MAX_PERIOD, "bars of the conversion line"),
                ParameterSpec.ofInt("kijun_period", 26, 1, WindowIndicators.MAX_PERIOD,
                        "bars of the base line; also the displacement"),
                ParameterSpec.ofInt("senkou_b_period", 52, 1, WindowIndicators.MAX_PERIOD, "bars of leading span B"));
    }

    @Override
    public int lookback(Parameters p) {
        int tenkan = p.getInt(0);
        int kijun = p.getInt(1);
        int senkouB = p.getInt(2);
        return Math.max(tenkan, Math.max(kijun, senkouB)) - 1 + kijun;
    }

    /** Writes {@code mid(period)} into {@code dst} from bar {@code period - 1} on, using {@code scratch}. */
    private static void midline(Column high, Column low, int n, int period, double[] dst, double[] scratch) {
        RollingExtremes.midpoint(high.array(), high.offset(), low.array(), low.offset(), dst, 0, n, period, scratch);
    }

    @Override
    protected void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        int n = bars.barCount();
        int lookback = lookback(p);
        int displacement = p.getInt(1);
        double[] tenkan = out.array(0, symbol);
        double[] kijun = out.array(1, symbol);
        double[] senkouA = out.array(2, symbol);
        double[] senkouB = out.array(3, symbol);
        double[] chikou = out.array(4, symbol);
        if (n <= lookback) {
            fillNaN(out, symbol, n);
            return;
        }
        Column high = bars.column(PriceField.HIGH, symbol);
        Column low = bars.column(PriceField.LOW, symbol);
        Column close = bars.column(PriceField.CLOSE, symbol);
        midline(high, low, n, p.getInt(0), tenkan, chikou);
        midline(high, low, n, p.getInt(1), kijun, chikou);
        midline(high, low, n, p.getInt(2), senkouB, chikou);
        for (int i = 0; i < n; i++) {
            senkouA[i] = (tenkan[i] + kijun[i]) / 2.0;
        }
        // Displace the spans forward in place, from the end so that no source is overwritten before it is read.
        for (int i = n - 1; i >= displacement; i--) {
            senkouA[i] = senkouA[i - displacement];
            senkouB[i] = senkouB[i - displacement];
        }
        double[] c = close.array();
        int co = close.offset();
        for (int i = displacement; i < n; i++) {
            chikou[i] = c[co + i] - c[co + i - displacement];
        }
        fillNaN(out, symbol, lookback);
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new State(p.getInt(0), p.getInt(1), p.getInt(2), lookback(p));
    }

    /**
     * Streaming Ichimoku: the high-low ranges of the three lines and rings of the last {@code d} leading-span
     * values and closes, read just before being overwritten.
     */
    static final class State implements IndicatorState {
        private static final String[] LINES = {"tenkan", "kijun", "senkouB"};
        private final RollingRange[] ranges;
        private final int displacement;
        private final int lookback;
        private final double[] spanA;
        private final double[] spanB;
        private final double[] closes;
        private final double[] values = {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        private long count;

        State(int tenkan, int kijun, int senkouB, int lookback) {
            ranges = new RollingRange[] {new RollingRange(tenkan), new RollingRange(kijun), new RollingRange(senkouB)};
            displacement = kijun;
            this.lookback = lookback;
            spanA = new double[kijun];
            spanB = new double[kijun];
            closes = new double[kijun];
        }

        @Override
        public void update(long timestamp, double open, double high, double low, double close, double volume) {
            for (RollingRange range : ranges) {
                range.push(high, low);
            }
            double tenkan = ranges[0].midpoint();
            double kijun = ranges[1].midpoint();
            int slot = (int) (count % displacement);
            boolean ready = count >= lookback;
            if (ready) {
                values[0] = tenkan;
                values[1] = kijun;
                values[2] = spanA[slot];
                values[3] = spanB[slot];
                values[4] = close - closes[slot];
            }
            spanA[slot] = (tenkan + kijun) / 2.0;
            spanB[slot] = ranges[2].midpoint();
            closes[slot] = close;
            count++;
        }

        @Override
        public double value(int output) {
            return values[output];
        }

        @Override
        public long barsSeen() {
            return count;
        }

        @Override
        public void save(StateWriter out) {
            out.putLong("count", count);
            for (int line = 0; line < ranges.length; line++) {
                ranges[line].save(out, LINES[line] + "High", LINES[line] + "Low");
            }
            out.putDoubles("spanA", spanA.clone());
            out.putDoubles("spanB", spanB.clone());
            out.putDoubles("closes", closes.clone());
            out.putDoubles("values", values.clone());
        }

        @Override
        public void restore(StateReader in) {
            double[] a = in.getDoubles("spanA");
            double[] b = in.getDoubles("spanB");
            double[] c = in.getDoubles("closes");
            double[] v = in.getDoubles("values");
            if (a.length != displacement || b.length != displacement || c.length != displacement || v.length != 5) {
                throw new IllegalStateException("state is not an Ichimoku with displacement " + displacement);
            }
            for (int line = 0; line < ranges.length; line++) {
                ranges[line].restore(in, LINES[line] + "High", LINES[line] + "Low");
            }
            System.arraycopy(a, 0, spanA, 0, displacement);
            System.arraycopy(b, 0, spanB, 0, displacement);
            System.arraycopy(c, 0, closes, 0, displacement);
            System.arraycopy(v, 0, values, 0, 5);
            count = in.getLong("count");
        }
    }
}
