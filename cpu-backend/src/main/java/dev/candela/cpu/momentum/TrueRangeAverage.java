package dev.candela.cpu.momentum;

import dev.candela.cpu.kernel.TrueRange;
import dev.candela.cpu.kernel.WilderSmoothing;
import dev.candela.spi.StateReader;
import dev.candela.spi.StateWriter;

/**
 * The streaming form of {@link TrueRange#average}: Wilder's ATR, seeded with the mean true range of bars
 * {@code 1..period} and smoothed as {@link WilderSmoothing#nextAverageWeighted}, bit for bit like the batch;
 * for a period of 1 the true range itself.
 * Shared by the states of ATR, NATR, Supertrend and Keltner Channels.
 */
final class TrueRangeAverage {
    private final int period;
    private final double decay;
    private final double weight;
    private long count;
    private double previousClose;
    private double sum;
    private double value = Double.NaN;

    TrueRangeAverage(int period) {
        this.period = period;
        this.decay = WilderSmoothing.decay(period);
        this.weight = WilderSmoothing.weight(period);
    }

    void push(double high, double low, double close) {
        long i = count++;
        if (i == 0) {
            previousClose = close;
            return;
        }
        double tr = TrueRange.of(high, low, previousClose);
        previousClose = close;
        if (period == 1) {
            value = tr;
        } else if (i < period) {
            sum += tr;
        } else if (i == period) {
            sum += tr;
            value = sum / period;
        } else {
            value = WilderSmoothing.nextAverageWeighted(value, tr, decay, weight);
        }
    }

    /** The ATR after the last bar; {@code NaN} before bar {@code period}. */
    double value() {
        return value;
    }

    long count() {
        return count;
    }

    void save(StateWriter out, String prefix) {
        out.putLong(prefix + ".count", count);
        out.putDouble(prefix + ".previousClose", previousClose);
        out.putDouble(prefix + ".sum", sum);
        out.putDouble(prefix + ".value", value);
    }

    void restore(StateReader in, String prefix) {
        long savedCount = in.getLong(prefix + ".count");
        if (savedCount < 0) {
            throw new IllegalStateException("state '" + prefix + "': negative bar count " + savedCount);
        }
        count = savedCount;
        previousClose = in.getDouble(prefix + ".previousClose");
        sum = in.getDouble(prefix + ".sum");
        value = in.getDouble(prefix + ".value");
    }
}
