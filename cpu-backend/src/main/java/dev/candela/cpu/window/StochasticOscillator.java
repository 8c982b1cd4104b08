package dev.candela.cpu.window;

import dev.candela.cpu.CpuIndicator;
import dev.candela.cpu.kernel.MovingAverages;
import dev.candela.cpu.kernel.PercentK;
import dev.candela.cpu.kernel.RollingRange;
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
 * TA-Lib's STOCH and STOCHF with their default simple moving averages. Both start from fast %K over
 * {@code fastk_period} bars ({@link PercentK}); the slow stochastic smooths it with an SMA over
 * {@code slowk_period} values into its {@code k}, the fast one outputs it as {@code k} unchanged; {@code d}
 * is the SMA of {@code k}. Both outputs start at the full lookback, where TA-Lib aligns them.
 */
abstract sealed class StochasticOscillator extends CpuIndicator permits Stochastic, FastStochastic {

    StochasticOscillator(String id, String description, ParameterSpec... parameters) {
        super(id, Category.MOMENTUM, description, EnumSet.of(PriceField.HIGH, PriceField.LOW, PriceField.CLOSE),
                List.of("k", "d"), parameters);
    }

    /** The {@code fastk_period} parameter, first in both. */
    static ParameterSpec fastkPeriod() {
        return ParameterSpec.ofInt("fastk_period", 5, 1, WindowIndicators.MAX_PERIOD, "bars of the high-low range");
    }

    /** The SMA period of fast %K for the slow %K; 0 where %K is not smoothed. */
    abstract int slowkPeriod(Parameters p);

    /** The SMA period of %D. */
    abstract int dPeriod(Parameters p);

    @Override
    public final int lookback(Parameters p) {
        int slowk = slowkPeriod(p);
        return p.getInt(0) - 1 + (slowk > 0 ? slowk - 1 : 0) + dPeriod(p) - 1;
    }

    /**
     * Writes fast %K of the close into {@code fastK[0, n)}, {@code NaN} before bar {@code fastkPeriod - 1},
     * using {@code scratch} for the rolling highs.
     */
    static void writeFastK(BarBatch bars, int symbol, int fastkPeriod, double[] fastK, double[] scratch) {
        Column high = bars.column(PriceField.HIGH, symbol);
        Column low = bars.column(PriceField.LOW, symbol);
        Column close = bars.column(PriceField.CLOSE, symbol);
        PercentK.series(close.array(), close.offset(), high.array(), high.offset(), low.array(), low.offset(), fastK, 0,
                bars.barCount(), fastkPeriod, scratch);
    }

    @Override
    protected final void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        int fastk = p.getInt(0);
        int slowk = slowkPeriod(p);
        int n = bars.barCount();
        double[] k = out.array(0, symbol);
        double[] d = out.array(1, symbol);
        if (n <= lookback(p)) {
            fillNaN(out, symbol, n);
            return;
        }
        int kStart = fastk - 1;
        if (slowk > 0) {
            // Fast %K is staged in d, which is overwritten with %D only after %K has been computed from it.
            writeFastK(bars, symbol, fastk, d, k);
            MovingAverages.sma(d, kStart, k, kStart, n - kStart, slowk);
            kStart += slowk - 1;
        } else {
            writeFastK(bars, symbol, fastk, k, d);
        }
        PercentK.withSmoothedD(k, kStart, dPeriod(p), k, d, n);
    }

    /**
     * Shares work across a sweep: fast %K is computed once per distinct {@code fastk_period} and slow %K
     * once per distinct ({@code fastk_period}, {@code slowk_period}) pair; each parameter set then only adds
     * its %D. Values equal {@link #compute} bit for bit.
     */
    @Override
    public final void computeSweep(List<Parameters> sweep, BarBatch bars, List<IndicatorOutput> outs) {
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
                int slowk = slowkPeriod(p);
                double[] k = outs.get(j).array(0, symbol);
                double[] d = outs.get(j).array(1, symbol);
                if (n <= lookback(p)) {
                    fillNaN(outs.get(j), symbol, n);
                    continue;
                }
                double[] fastK = fastKs.computeIfAbsent(fastk, f -> {
                    double[] values = new double[n];
                    writeFastK(bars, symbol, f, values, new double[n]);
                    return values;
                });
                if (slowk > 0) {
                    double[] slowK = slowKs.computeIfAbsent(((long) fastk << 32) | slowk, key -> {
                        double[] values = new double[n];
                        MovingAverages.sma(fastK, fastk - 1, values, fastk - 1, n - (fastk - 1), slowk);
                        return values;
                    });
                    PercentK.withSmoothedD(slowK, fastk - 1 + slowk - 1, dPeriod(p), k, d, n);
                } else {
                    PercentK.withSmoothedD(fastK, fastk - 1, dPeriod(p), k, d, n);
                }
            }
        }
    }

    @Override
    public final IndicatorState newState(Parameters p) {
        int slowk = slowkPeriod(p);
        return new State(p.getInt(0), slowk, dPeriod(p), slowk > 0 ? "slowD" : "fastD");
    }

    /**
     * Streaming stochastic: a {@link RollingRange} for fast %K, the slow %K's running SMA where there is one,
     * and the running SMA for %D, saved under {@code dKey}.
     */
    static final class State implements IndicatorState {
        private final RollingRange range;
        private final SmaStream slowK;
        private final SmaStream smoothD;
        private final String dKey;
        private double k = Double.NaN;
        private double d = Double.NaN;

        State(int fastk, int slowk, int dPeriod, String dKey) {
            this.range = new RollingRange(fastk);
            this.slowK = slowk > 0 ? new SmaStream(slowk) : null;
            this.smoothD = new SmaStream(dPeriod);
            this.dKey = dKey;
        }

        @Override
        public void update(long timestamp, double open, double high, double low, double close, double volume) {
            range.push(high, low);
            if (!range.isFull()) {
                return;
            }
            double kValue = PercentK.of(close, range.highest(), range.lowest());
            if (slowK != null) {
                kValue = slowK.push(kValue);
                if (!slowK.ready()) {
                    return;
                }
            }
            double dValue = smoothD.push(kValue);
            // %K is withheld until %D has a value, as TA-Lib aligns both outputs.
            if (smoothD.ready()) {
                k = kValue;
                d = dValue;
            }
        }

        @Override
        public double value(int output) {
            return output == 0 ? k : d;
        }

        @Override
        public long barsSeen() {
            return range.count();
        }

        @Override
        public void save(StateWriter out) {
            range.save(out, "highest", "lowest");
            if (slowK != null) {
                slowK.save(out, "slowK");
            }
            smoothD.save(out, dKey);
            out.putDouble("k", k);
            out.putDouble("d", d);
        }

        @Override
        public void restore(StateReader in) {
            range.restore(in, "highest", "lowest");
            if (slowK != null) {
                slowK.restore(in, "slowK");
            }
            smoothD.restore(in, dKey);
            k = in.getDouble("k");
            d = in.getDouble("d");
        }
    }
}
