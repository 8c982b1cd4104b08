package dev.candela.cpu.momentum;

import dev.candela.cpu.kernel.MovingAverages;
import dev.candela.cpu.kernel.WilderSmoothing;
import dev.candela.spi.IndicatorState;
import dev.candela.spi.StateReader;
import dev.candela.spi.StateWriter;

import java.util.Objects;

/**
 * Wilder's averages of the gains and losses of the close behind RSI, CMO and StochRSI, seeded with the sums
 * of the first {@code period} gains and losses divided by {@code period}.
 *
 * <p>An instance is the streaming form: {@link #scaled} mirrors RSI's fast batch kernel and its reciprocal
 * step ({@link WilderSmoothing#nextAverageScaled}), {@link #exact} TA-Lib's division
 * ({@link WilderSmoothing#nextAverage}) as {@link #exactSeries} runs it, so streaming values equal batch
 * values bit for bit. {@link Ratio} says what an indicator reads off the two averages.
 */
final class WilderMoves {
    private final int period;
    private final double periodValue;
    private final double periodMinusOne;
    private final double inversePeriod;
    private final boolean divide;
    private long count;
    private double previous;
    private double gain;
    private double loss;

    private WilderMoves(int period, boolean divide) {
        this.period = period;
        this.periodValue = period;
        this.periodMinusOne = period - 1;
        this.inversePeriod = 1.0 / period;
        this.divide = divide;
    }

    /** Averages smoothed like {@link RelativeStrengthIndex}'s batch kernel: multiplied by 1 / period. */
    static WilderMoves scaled(int period) {
        return new WilderMoves(period, false);
    }

    /** Averages smoothed like TA-Lib: divided by the period. */
    static WilderMoves exact(int period) {
        return new WilderMoves(period, true);
    }

    /** What an indicator reads off the averages of gains and losses. */
    enum Ratio {
        /** RSI, {@link RelativeStrengthIndex#value}. */
        RELATIVE_STRENGTH,
        /** CMO, {@link ChandeMomentumOscillator#value}. */
        MOMENTUM_OSCILLATOR;

        double of(double gain, double loss) {
            return this == RELATIVE_STRENGTH ? RelativeStrengthIndex.value(gain, loss)
                    : ChandeMomentumOscillator.value(gain, loss);
        }
    }

    /**
     * {@code ratio} of TA-Lib's exact Wilder averages of the gains and losses of {@code in[inOff, inOff + len)}
     * into {@code out[outOff, outOff + len)}, {@code NaN} before bar {@code period}: RSI and CMO as TA-Lib
     * computes them bit for bit. The ratio is the same for every bar, so the branch choosing it is always
     * predicted (and the JIT may hoist it out of the loop); the loop's pace is set by the divisions of the
     * two averages' dependency chains.
     */
    static void exactSeries(double[] in, int inOff, double[] out, int outOff, int len, int period, Ratio ratio) {
        if (!MovingAverages.warmUp(out, outOff, len, period)) {
            return;
        }
        double gain = RelativeStrengthIndex.seedAverage(in, inOff, period, 1.0);
        double loss = RelativeStrengthIndex.seedAverage(in, inOff, period, -1.0);
        out[outOff + period] = ratio.of(gain, loss);
        double nd = period;
        double nm1 = period - 1;
        double previous = in[inOff + period];
        for (int i = period + 1; i < len; i++) {
            double x = in[inOff + i];
            double move = x - previous;
            previous = x;
            gain = WilderSmoothing.nextAverage(gain, Math.max(move, 0.0), nm1, nd);
            loss = WilderSmoothing.nextAverage(loss, Math.max(-move, 0.0), nm1, nd);
            out[outOff + i] = ratio.of(gain, loss);
        }
    }

    /** Feeds the next value; afterwards {@link #ready()} says whether the averages exist. */
    void push(double x) {
        long i = count++;
        if (i == 0) {
            previous = x;
            return;
        }
        double move = x - previous;
        previous = x;
        if (i <= period) {
            gain += Math.max(move, 0.0);
            loss += Math.max(-move, 0.0);
            if (i == period) {
                gain /= periodValue;
                loss /= periodValue;
            }
        } else if (divide) {
            gain = WilderSmoothing.nextAverage(gain, Math.max(move, 0.0), periodMinusOne, periodValue);
            loss = WilderSmoothing.nextAverage(loss, Math.max(-move, 0.0), periodMinusOne, periodValue);
        } else {
            gain = WilderSmoothing.nextAverageScaled(gain, Math.max(move, 0.0), periodMinusOne, inversePeriod);
            loss = WilderSmoothing.nextAverageScaled(loss, Math.max(-move, 0.0), periodMinusOne, inversePeriod);
        }
    }

    /** Whether {@code period} differences have been seen, i.e. the averages exist. */
    boolean ready() {
        return count > period;
    }

    long count() {
        return count;
    }

    double gain() {
        return gain;
    }

    double loss() {
        return loss;
    }

    void save(StateWriter out, String prefix) {
        out.putLong(prefix + ".count", count);
        out.putDouble(prefix + ".previous", previous);
        out.putDouble(prefix + ".gain", gain);
        out.putDouble(prefix + ".loss", loss);
    }

    void restore(StateReader in, String prefix) {
        long saved = in.getLong(prefix + ".count");
        if (saved < 0) {
            throw new IllegalStateException("state '" + prefix + "': negative bar count " + saved);
        }
        count = saved;
        previous = in.getDouble(prefix + ".previous");
        gain = in.getDouble(prefix + ".gain");
        loss = in.getDouble(prefix + ".loss");
    }

    /** Streaming RSI or CMO: the averages and the ratio read off them, saved under one key prefix. */
    static final class RatioState implements IndicatorState {
        private final WilderMoves moves;
        private final Ratio ratio;
        private final String prefix;
        private double value = Double.NaN;

        RatioState(WilderMoves moves, Ratio ratio, String prefix) {
            this.moves = moves;
            this.ratio = ratio;
            this.prefix = prefix;
        }

        @Override
        public void update(long timestamp, double open, double high, double low, double close, double volume) {
            moves.push(close);
            value = moves.ready() ? ratio.of(moves.gain(), moves.loss()) : Double.NaN;
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
            moves.save(out, prefix);
            out.putDouble("value", value);
        }

        @Override
        public void restore(StateReader in) {
            moves.restore(in, prefix);
            value = in.getDouble("value");
        }
    }
}
