package dev.candela.cpu.momentum;

import dev.candela.cpu.CpuIndicator;
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
import java.util.List;
import java.util.Objects;

/**
 * {@code stochrsi(period, fastk, fastd)}: the Stochastic RSI as TA-Lib computes it, i.e. its fast
 * stochastic (STOCHF) applied to {@code rsi(period)}. Outputs {@code fastk} and {@code fastd}:
 * {@code fastk = (rsi - lowest) / ((highest - lowest) / 100)} over the last {@code fastk} RSI values (0
 * when the window is flat) and {@code fastd} its simple moving average over {@code fastd} values (TA-Lib's
 * default MA type). Lookback {@code period + fastk - 1 + fastd - 1}; both outputs start there, as in
 * TA-Lib.
 *
 * <p>The RSI here is TA-Lib's bit for bit ({@link RelativeStrengthIndex#rsiExact}), not the faster
 * {@code rsi} kernel: on flat stretches the RSI's range over the window is a few units in the last place,
 * and %K divides by it, so the last bits of the RSI decide %K.
 */
final class StochasticRsi extends CpuIndicator {

    StochasticRsi() {
        super("stochrsi", Category.MOMENTUM, "Stochastic RSI (fast stochastic of the RSI)", EnumSet.of(PriceField.CLOSE),
                List.of("fastk", "fastd"),
                ParameterSpec.ofInt("period", 14, 2, MomentumIndicators.MAX_PERIOD, "RSI period"),
                ParameterSpec.ofInt("fastk", 5, 1, MomentumIndicators.MAX_PERIOD, "bars of RSI in the stochastic window"),
                ParameterSpec.ofInt("fastd", 3, 1, MomentumIndicators.MAX_PERIOD, "SMA period of fast %K"));
    }

    @Override
    public int lookback(Parameters p) {
        return p.getInt(0) + p.getInt(1) - 1 + p.getInt(2) - 1;
    }

    @Override
    public void compute(Parameters p, BarBatch bars, IndicatorOutput out) {
        Scratch scratch = new Scratch(bars.barCount());
        for (int s = 0; s < bars.symbolCount(); s++) {
            compute(p, bars, s, out, scratch);
        }
    }

    @Override
    protected void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        compute(p, bars, symbol, out, new Scratch(bars.barCount()));
    }

    private record Scratch(double[] rsi, double[] highest) {
        Scratch(int len) {
            this(new double[len], new double[len]);
        }
    }

    private void compute(Parameters p, BarBatch bars, int symbol, IndicatorOutput out, Scratch scratch) {
        int period = p.getInt(0);
        int kPeriod = p.getInt(1);
        int dPeriod = p.getInt(2);
        int len = bars.barCount();
        int lookback = lookback(p);
        double[] k = out.array(0, symbol);
        double[] d = out.array(1, symbol);
        if (len <= lookback) {
            fillNaN(out, symbol, len);
            return;
        }
        Column close = bars.column(PriceField.CLOSE, symbol);
        double[] rsi = scratch.rsi();
        RelativeStrengthIndex.rsiExact(close.array(), close.offset(), rsi, 0, len, period);
        // The stochastic of the RSI from its first value, bar `period`.
        PercentK.series(rsi, period, rsi, period, rsi, period, k, period, len - period, kPeriod, scratch.highest());
        PercentK.withSmoothedD(k, period + kPeriod - 1, dPeriod, k, d, len);
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new State(p.getInt(0), p.getInt(1), p.getInt(2));
    }

    static final class State implements IndicatorState {
        private final WilderMoves moves;
        private final RollingRange range;
        private final SmaStream smoothedK;
        private double k = Double.NaN;
        private double d = Double.NaN;

        State(int period, int kPeriod, int dPeriod) {
            this.moves = WilderMoves.exact(period);
            this.range = new RollingRange(kPeriod);
            this.smoothedK = new SmaStream(dPeriod);
        }

        @Override
        public void update(long timestamp, double open, double high, double low, double close, double volume) {
            moves.push(close);
            k = Double.NaN;
            d = Double.NaN;
            if (!moves.ready()) {
                return;
            }
            double rsi = RelativeStrengthIndex.value(moves.gain(), moves.loss());
            range.push(rsi, rsi);
            if (!range.isFull()) {
                return;
            }
            double fastK = PercentK.of(rsi, range.highest(), range.lowest());
            smoothedK.push(fastK);
            if (smoothedK.ready()) {
                k = fastK;
                d = smoothedK.value();
            }
        }

        @Override
        public double value(int output) {
            return Objects.checkIndex(output, 2) == 0 ? k : d;
        }

        @Override
        public long barsSeen() {
            return moves.count();
        }

        @Override
        public void save(StateWriter out) {
            moves.save(out, "rsi");
            range.save(out, "highest", "lowest");
            smoothedK.save(out, "fastd");
            out.putDouble("fastk.value", k);
            out.putDouble("fastd.value", d);
        }

        @Override
        public void restore(StateReader in) {
            moves.restore(in, "rsi");
            range.restore(in, "highest", "lowest");
            smoothedK.restore(in, "fastd");
            k = in.getDouble("fastk.value");
            d = in.getDouble("fastd.value");
        }
    }
}
