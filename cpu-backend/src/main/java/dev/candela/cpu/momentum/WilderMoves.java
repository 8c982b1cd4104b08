package dev.candela.cpu.momentum;

import dev.candela.cpu.kernel.WilderSmoothing;
import dev.candela.spi.StateReader;
import dev.candela.spi.StateWriter;

/**
 * The streaming Wilder averages of gains and losses behind RSI, CMO and StochRSI: the same seed (the sums
 * of the first {@code period} gains and losses, divided by {@code period}) and the same smoothing step as
 * the batch kernel it mirrors, so streaming values equal batch values bit for bit. {@link #scaled} mirrors
 * RSI's reciprocal step ({@link WilderSmoothing#nextAverageScaled}), {@link #exact} TA-Lib's division
 * ({@link WilderSmoothing#nextAverage}).
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
}
