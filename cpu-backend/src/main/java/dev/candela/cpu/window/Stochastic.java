package dev.candela.cpu.window;

import dev.candela.cpu.CpuIndicator;
import dev.candela.cpu.kernel.MovingAverages;
import dev.candela.cpu.kernel.RollingExtremeWindow;
import dev.candela.cpu.kernel.RollingExtremes;
import dev.candela.cpu.kernel.SmaStream;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The slow stochastic oscillator ({@code stoch(5,3,3)}), TA-Lib's STOCH with its default simple moving
 * averages: fast %K = {@code (close - LL) / ((HH - LL) / 100)} over {@code fastk_period} bars (0 when
 * HH equals LL), {@code k} = SMA(fast %K, {@code slowk_period}) (TA-Lib's slowK), {@code d} =
 * SMA({@code k}, {@code slowd_period}) (slowD). Both outputs start at the full lookback
 * {@code fastk_period - 1 + slowk_period - 1 + slowd_period - 1}, as in TA-Lib.
 */
final class Stochastic extends CpuIndicator {

    Stochastic() {
        super("stoch", Category.MOMENTUM, "Slow stochastic oscillator: SMA-smoothed %K and its SMA %D",
                EnumSet.of(PriceField.HIGH, PriceField.LOW, PriceField.CLOSE), List.of("k", "d"),
                ParameterSpec.ofInt("fastk_period", 5, 1, WindowIndicators.MAX_PERIOD, "bars of the high-low range"),
                ParameterSpec.ofInt("slowk_period", 3, 1, WindowIndicators.MAX_PERIOD, "SMA period of %K"),
                ParameterSpec.ofInt("slowd_period", 3, 1, WindowIndicators.MAX_PERIOD, "SMA period of %D"));
    }

    @Override
    public int lookback(Parameters p) {
        return p.getInt(0) - 1 + p.getInt(1) - 1 + p.getInt(2) - 1;
    }

    /** TA-Lib's fast %K, with its exact zero test on the scaled range. */
    static double fastK(double highest, double lowest, double close) {
        double diff = (highest - lowest) / 100.0;
        return diff != 0.0 ? (close - lowest) / diff : 0.0;
    }

    /**
     * Writes fast %K into {@code fastK[fastkPeriod - 1, n)} (earlier elements are left as they are),
     * using {@code scratch} for the rolling highs. Shared by STOCH and STOCHF.
     */
    static void writeFastK(BarBatch bars, int symbol, int fastkPeriod, double[] fastK, double[] scratch) {
        int n = bars.barCount();
        Column high = bars.column(PriceField.HIGH, symbol);
        Column low = bars.column(PriceField.LOW, symbol);
        Column close = bars.column(PriceField.CLOSE, symbol);
        RollingExtremes.max(high.array(), high.offset(), scratch, 0, n, fastkPeriod);
        RollingExtremes.min(low.array(), low.offset(), fastK, 0, n, fastkPeriod);
        double[] c = close.array();
        int co = close.offset();
        for (int i = fastkPeriod - 1; i < n; i++) {
            fastK[i] = fastK(scratch[i], fastK[i], c[co + i]);
        }
    }

    @Override
    protected void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        int fastk = p.getInt(0);
        int slowk = p.getInt(1);
        int slowd = p.getInt(2);
        int n = bars.barCount();
        int lookback = lookback(p);
        double[] k = out.array(0, symbol);
        double[] d = out.array(1, symbol);
        if (n <= lookback) {
            MovingAverages.nan(k, 0, n);
            MovingAverages.nan(d, 0, n);
            return;
        }
        // Fast %K is staged in d, which is overwritten with %D only after %K has been computed from it.
        writeFastK(bars, symbol, fastk, d, k);
        int kStart = fastk - 1;
        MovingAverages.sma(d, kStart, k, kStart, n - kStart, slowk);
        int dStart = kStart + slowk - 1;
        MovingAverages.sma(k, dStart, d, dStart, n - dStart, slowd);
        MovingAverages.nan(k, 0, lookback);
        MovingAverages.nan(d, 0, dStart);
    }

    /**
     * Shares work across a sweep: fast %K is computed once per distinct {@code fastk_period} and %K once
     * per distinct ({@code fastk_period}, {@code slowk_period}) pair; each parameter set then only adds its
     * %D. Values equal {@link #compute} bit for bit.
     */
    @Override
    public void computeSweep(List<Parameters> sweep, BarBatch bars, List<IndicatorOutput> outs) {
        if (sweep.size() != outs.size()) {
            throw new IllegalArgumentException("sweep of " + sweep.size() + " parameter sets but " + outs.size() + " outputs");
        }
        int n = bars.barCount();
        Map<Integer, double[]> fastKs = new HashMap<>();
        Map<Long, double[]> slowKs = new HashMap<>();
        for (int s = 0; s < bars.symbolCount(); s++) {
            int symbol = s;
            fastKs.clear();
            slowKs.clear();
            for (int j = 0; j < sweep.size(); j++) {
                Parameters p = sweep.get(j);
                int fastk = p.getInt(0);
                int slowk = p.getInt(1);
                int lookback = lookback(p);
                double[] k = outs.get(j).array(0, symbol);
                double[] d = outs.get(j).array(1, symbol);
                if (n <= lookback) {
                    MovingAverages.nan(k, 0, n);
                    MovingAverages.nan(d, 0, n);
                    continue;
                }
                int kStart = fastk - 1;
                double[] raw = fastKs.computeIfAbsent(fastk, f -> {
                    double[] values = new double[n];
                    writeFastK(bars, symbol, f, values, new double[n]);
                    return values;
                });
                double[] smooth = slowKs.computeIfAbsent(((long) fastk << 32) | slowk, key -> {
                    double[] values = new double[n];
                    MovingAverages.sma(raw, kStart, values, kStart, n - kStart, slowk);
                    return values;
                });
                int dStart = kStart + slowk - 1;
                System.arraycopy(smooth, 0, k, 0, n);
                MovingAverages.sma(smooth, dStart, d, dStart, n - dStart, p.getInt(2));
                MovingAverages.nan(k, 0, lookback);
                MovingAverages.nan(d, 0, dStart);
            }
        }
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new State(p.getInt(0), p.getInt(1), p.getInt(2));
    }

    /** Streaming slow stochastic: two monotonic windows and two running SMAs. */
    static final class State implements IndicatorState {
        private final RollingExtremeWindow highest;
        private final RollingExtremeWindow lowest;
        private final int slowkPeriod;
        private final int slowdPeriod;
        private final SmaStream slowK;
        private final SmaStream slowD;
        private long fastKCount;
        private double k = Double.NaN;
        private double d = Double.NaN;

        State(int fastk, int slowk, int slowd) {
            highest = RollingExtremeWindow.max(fastk);
            lowest = RollingExtremeWindow.min(fastk);
            slowkPeriod = slowk;
            slowdPeriod = slowd;
            slowK = new SmaStream(slowk);
            slowD = new SmaStream(slowd);
        }

        @Override
        public void update(long timestamp, double open, double high, double low, double close, double volume) {
            highest.push(high);
            lowest.push(low);
            if (!highest.isFull()) {
                return;
            }
            double smoothK = slowK.push(fastK(highest.extreme(), lowest.extreme(), close));
            long fastKs = ++fastKCount;
            if (fastKs < slowkPeriod) {
                return;
            }
            double smoothD = slowD.push(smoothK);
            // %K is withheld until %D has a value, as TA-Lib aligns both outputs.
            if (fastKs >= slowkPeriod + slowdPeriod - 1) {
                k = smoothK;
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
            slowK.save(out, "slowK");
            slowD.save(out, "slowD");
            out.putLong("fastKCount", fastKCount);
            out.putDouble("k", k);
            out.putDouble("d", d);
        }

        @Override
        public void restore(StateReader in) {
            highest.restore(in, "highest");
            lowest.restore(in, "lowest");
            slowK.restore(in, "slowK");
            slowD.restore(in, "slowD");
            fastKCount = in.getLong("fastKCount");
            k = in.getDouble("k");
            d = in.getDouble("d");
        }
    }
}
