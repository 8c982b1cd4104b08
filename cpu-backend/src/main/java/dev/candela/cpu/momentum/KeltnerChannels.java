package dev.candela.cpu.momentum;

import dev.candela.cpu.CpuIndicator;
import dev.candela.cpu.kernel.EmaStream;
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
 * {@code keltner(period, multiplier, atr_period)}: Keltner Channels in the modern (Chester Keltner via
 * Linda Raschke) form. Outputs {@code upper}, {@code middle} and {@code lower}: the middle line is TA-Lib's
 * {@code ema(period)} of the close and the bands are {@code middle +- multiplier * atr(atr_period)}, with
 * Wilder's ATR exactly as TA-Lib's {@code atr}. Defaults {@code keltner(20,2,10)}. Lookback
 * {@code max(period - 1, atr_period)}; all three outputs start there.
 */
final class KeltnerChannels extends CpuIndicator {

    KeltnerChannels() {
        super("keltner", Category.OVERLAP, "Keltner Channels (EMA middle line, ATR bands)",
                EnumSet.of(PriceField.HIGH, PriceField.LOW, PriceField.CLOSE), List.of("upper", "middle", "lower"),
                ParameterSpec.ofInt("period", 20, 2, MomentumIndicators.MAX_PERIOD, "EMA period of the middle line"),
                ParameterSpec.ofDouble("multiplier", 2.0, 0.0, 100.0, "band distance in ATRs"),
                ParameterSpec.ofInt("atr_period", 10, 1, MomentumIndicators.MAX_PERIOD, "ATR period in bars"));
    }

    @Override
    public int lookback(Parameters p) {
        return Math.max(p.getInt(0) - 1, p.getInt(2));
    }

    @Override
    protected void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        int period = p.getInt(0);
        double multiplier = p.get(1);
        int len = bars.barCount();
        int lookback = lookback(p);
        double[] upper = out.array(0, symbol);
        double[] middle = out.array(1, symbol);
        double[] lower = out.array(2, symbol);
        Column close = bars.column(PriceField.CLOSE, symbol);
        MovingAverages.ema(close.array(), close.offset(), middle, 0, len, period);
        // The ATR goes into the upper band's array first; each bar reads it before writing the band.
        AverageTrueRange.average(bars, symbol, upper, p.getInt(2));
        for (int i = lookback; i < len; i++) {
            double width = multiplier * upper[i];
            double mid = middle[i];
            upper[i] = mid + width;
            lower[i] = mid - width;
        }
        int warmUp = Math.min(lookback, len);
        MovingAverages.nan(upper, 0, warmUp);
        MovingAverages.nan(middle, 0, warmUp);
        MovingAverages.nan(lower, 0, warmUp);
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new State(p.getInt(0), p.get(1), p.getInt(2), lookback(p));
    }

    static final class State implements IndicatorState {
        private final double multiplier;
        private final long firstCount;
        private final EmaStream middle;
        private final TrueRangeAverage atr;
        private final double[] values = {Double.NaN, Double.NaN, Double.NaN};

        State(int period, double multiplier, int atrPeriod, int lookback) {
            this.multiplier = multiplier;
            this.firstCount = lookback + 1L;
            this.middle = new EmaStream(period);
            this.atr = new TrueRangeAverage(atrPeriod);
        }

        @Override
        public void update(long timestamp, double open, double high, double low, double close, double volume) {
            middle.push(close);
            atr.push(high, low, close);
            if (atr.count() >= firstCount) {
                double width = multiplier * atr.value();
                double mid = middle.value();
                values[0] = mid + width;
                values[1] = mid;
                values[2] = mid - width;
            }
        }

        @Override
        public double value(int output) {
            return values[Objects.checkIndex(output, 3)];
        }

        @Override
        public long barsSeen() {
            return atr.count();
        }

        @Override
        public void save(StateWriter out) {
            middle.save(out, "ema");
            atr.save(out, "atr");
            out.putDoubles("values", values.clone());
        }

        @Override
        public void restore(StateReader in) {
            middle.restore(in, "ema");
            atr.restore(in, "atr");
            double[] saved = in.getDoubles("values");
            if (saved.length != 3) {
                throw new IllegalStateException("state 'values' must hold upper, middle and lower");
            }
            System.arraycopy(saved, 0, values, 0, 3);
        }
    }
}
