package dev.candela.cpu.momentum;

import dev.candela.cpu.CpuIndicator;
import dev.candela.cpu.kernel.MovingAverages;
import dev.candela.cpu.kernel.WilderSmoothing;
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
 * {@code cmo(period)}: Chande Momentum Oscillator of the close as TA-Lib 0.4.0 computes it, lookback
 * {@code period}. TA-Lib smooths the gains and losses exactly like RSI (Wilder's averages, not Chande's
 * plain sums), and the value is {@code 100 * (gain - loss) / (gain + loss)}, 0 when the sum is zero within
 * 1e-8. The smoothing divides by the period exactly as TA-Lib does, so values are TA-Lib's bit for bit: CMO
 * subtracts two averages of similar size, which would magnify any difference in their last bits.
 */
final class ChandeMomentumOscillator extends CpuIndicator {
    private static final double ZERO = 1e-8;

    ChandeMomentumOscillator() {
        super("cmo", Category.MOMENTUM, "Chande Momentum Oscillator", EnumSet.of(PriceField.CLOSE), List.of("value"),
                ParameterSpec.ofInt("period", 14, 2, MomentumIndicators.MAX_PERIOD, "number of close-to-close differences"));
    }

    @Override
    public int lookback(Parameters p) {
        return p.getInt(0);
    }

    @Override
    protected void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        Column close = bars.column(PriceField.CLOSE, symbol);
        cmo(close.array(), close.offset(), out.array(0, symbol), bars.barCount(), p.getInt(0));
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new State(p.getInt(0));
    }

    static double value(double gain, double loss) {
        double sum = gain + loss;
        return sum > -ZERO && sum < ZERO ? 0.0 : 100.0 * ((gain - loss) / sum);
    }

    private static void cmo(double[] in, int inOff, double[] out, int len, int period) {
        if (len <= period) {
            MovingAverages.nan(out, 0, len);
            return;
        }
        MovingAverages.nan(out, 0, period);
        double gain = RelativeStrengthIndex.seedAverage(in, inOff, period, 1.0);
        double loss = RelativeStrengthIndex.seedAverage(in, inOff, period, -1.0);
        double nd = period;
        double nm1 = period - 1;
        double previous = in[inOff + period];
        out[period] = value(gain, loss);
        for (int i = period + 1; i < len; i++) {
            double x = in[inOff + i];
            double move = x - previous;
            previous = x;
            gain = WilderSmoothing.nextAverage(gain, Math.max(move, 0.0), nm1, nd);
            loss = WilderSmoothing.nextAverage(loss, Math.max(-move, 0.0), nm1, nd);
            out[i] = value(gain, loss);
        }
    }

    static final class State implements IndicatorState {
        private final WilderMoves moves;
        private double value = Double.NaN;

        State(int period) {
            this.moves = WilderMoves.exact(period);
        }

        @Override
        public void update(long timestamp, double open, double high, double low, double close, double volume) {
            moves.push(close);
            value = moves.ready() ? ChandeMomentumOscillator.value(moves.gain(), moves.loss()) : Double.NaN;
        }

        @Override
        public double value(int output) {
            Objects.checkIndex(output, 1);
            return value;
        }

        @Override
        public long barsSeen() {
            return moves.count();
        }

        @Override
        public void save(StateWriter out) {
            moves.save(out, "cmo");
            out.putDouble("value", value);
        }

        @Override
        public void restore(StateReader in) {
            moves.restore(in, "cmo");
            value = in.getDouble("value");
        }
    }
}
