package dev.candela.cpu.window;

import dev.candela.cpu.CpuIndicator;
import dev.candela.cpu.kernel.MovingAverages;
import dev.candela.cpu.kernel.RollingExtremeWindow;
import dev.candela.cpu.kernel.SmaStream;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fast stochastic oscillator ({@code stochf(5,3)}), TA-Lib's STOCHF with its default simple moving
 * average: {@code k} = fast %K over {@code fastk_period} bars (see {@link Stochastic}), {@code d} =
 * SMA({@code k}, {@code fastd_period}). Both outputs start at {@code fastk_period - 1 + fastd_period - 1}.
 */
final class FastStochastic extends CpuIndicator {

    FastStochastic() {
        super("stochf", Category.MOMENTUM, "Fast stochastic oscillator: raw %K and its SMA %D",
                EnumSet.of(PriceField.HIGH, PriceField.LOW, PriceField.CLOSE), List.of("k", "d"),
                ParameterSpec.ofInt("fastk_period", 5, 1, WindowIndicators.MAX_PERIOD, "bars of the high-low range"),
                ParameterSpec.ofInt("fastd_period", 3, 1, WindowIndicators.MAX_PERIOD, "SMA period of %D"));
    }

    @Override
    public int lookback(Parameters p) {
        return p.getInt(0) - 1 + p.getInt(1) - 1;
    }

    @Override
    protected void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        int fastk = p.getInt(0);
        int fastd = p.getInt(1);
        int n = bars.barCount();
        int lookback = lookback(p);
        double[] k = out.array(0, symbol);
        double[] d = out.array(1, symbol);
        if (n <= lookback) {
            MovingAverages.nan(k, 0, n);
            MovingAverages.nan(d, 0, n);
            return;
        }
        Stochastic.writeFastK(bars, symbol, fastk, k, d);
        int kStart = fastk - 1;
        MovingAverages.sma(k, kStart, d, kStart, n - kStart, fastd);
        MovingAverages.nan(d, 0, kStart);
        MovingAverages.nan(k, 0, lookback);
    }

    /**
     * Shares work across a sweep: fast %K is computed once per distinct {@code fastk_period}; each
     * parameter set then only adds its %D. Values equal {@link #compute} bit for bit.
     */
    @Override
    public void computeSweep(List<Parameters> sweep, BarBatch bars, List<IndicatorOutput> outs) {
        if (sweep.size() != outs.size()) {
            throw new IllegalArgumentException("sweep of " + sweep.size() + " parameter sets but " + outs.size() + " outputs");
        }
        int n = bars.barCount();
        Map<Integer, double[]> fastKs = new HashMap<>();
        for (int s = 0; s < bars.symbolCount(); s++) {
            int symbol = s;
            fastKs.clear();
            for (int j = 0; j < sweep.size(); j++) {
                Parameters p = sweep.get(j);
                int fastk = p.getInt(0);
                int lookback = lookback(p);
                double[] k = outs.get(j).array(0, symbol);
                double[] d = outs.get(j).array(1, symbol);
                if (n <= lookback) {
                    MovingAverages.nan(k, 0, n);
                    MovingAverages.nan(d, 0, n);
                    continue;
                }
                double[] raw = fastKs.computeIfAbsent(fastk, f -> {
                    double[] values = new double[n];
                    Stochastic.writeFastK(bars, symbol, f, values, new double[n]);
                    return values;
                });
                int kStart = fastk - 1;
                System.arraycopy(raw, 0, k, 0, n);
                MovingAverages.sma(raw, kStart, d, kStart, n - kStart, p.getInt(1));
                MovingAverages.nan(d, 0, kStart);
                MovingAverages.nan(k, 0, lookback);
            }
        }
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new State(p.getInt(0), p.getInt(1));
    }

    /** Streaming fast stochastic: two monotonic windows and one running SMA. */
    static final class State implements IndicatorState {
        private final RollingExtremeWindow highest;
        private final RollingExtremeWindow lowest;
        private final int fastdPeriod;
        private final SmaStream fastD;
        private long fastKCount;
        private double k = Double.NaN;
        private double d = Double.NaN;

        State(int fastk, int fastd) {
            highest = RollingExtremeWindow.max(fastk);
            lowest = RollingExtremeWindow.min(fastk);
            fastdPeriod = fastd;
            fastD = new SmaStream(fastd);
        }

        @Override
        public void update(long timestamp, double open, double high, double low, double close, double volume) {
            highest.push(high);
            lowest.push(low);
            if (!highest.isFull()) {
                return;
            }
            double rawK = Stochastic.fastK(highest.extreme(), lowest.extreme(), close);
            double smoothD = fastD.push(rawK);
            if (++fastKCount >= fastdPeriod) {
                k = rawK;
                d = smoothD;
            }
        }

        @Override
        public double value(int output) {
            return output == 0 ? k : d;
        }

        @Override
        public long barsSeen() {
            return highest.count();
        }

        @Override
        public void save(StateWriter out) {
            highest.save(out, "highest");
            lowest.save(out, "lowest");
            fastD.save(out, "fastD");
            out.putLong("fastKCount", fastKCount);
            out.putDouble("k", k);
            out.putDouble("d", d);
        }

        @Override
        public void restore(StateReader in) {
            highest.restore(in, "highest");
            lowest.restore(in, "lowest");
            fastD.restore(in, "fastD");
            fastKCount = in.getLong("fastKCount");
            k = in.getDouble("k");
            d = in.getDouble("d");
        }
    }
}
