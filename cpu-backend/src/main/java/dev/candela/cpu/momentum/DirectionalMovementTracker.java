package dev.candela.cpu.momentum;

import dev.candela.cpu.kernel.DirectionalMovement;
import dev.candela.cpu.kernel.TrueRange;
import dev.candela.cpu.kernel.WilderSmoothing;
import dev.candela.spi.StateReader;
import dev.candela.spi.StateWriter;

/**
 * The streaming form of the {@link DirectionalMovement} kernels: +DI, -DI, DX and ADX of one symbol, fed
 * one bar at a time with the same sums, steps and zero tests as the batch kernels, so the values equal the
 * batch values bit for bit. Shared by the states of {@code plus_di}, {@code minus_di}, {@code dx},
 * {@code adx} and {@code adxr}.
 */
final class DirectionalMovementTracker {
    private final int period;
    private final double periodValue;
    private final double periodMinusOne;
    private long count;
    private double previousHigh;
    private double previousLow;
    private double previousClose;
    private double plusDm;
    private double minusDm;
    private double trueRange;
    private double plusDi = Double.NaN;
    private double minusDi = Double.NaN;
    private double dx = Double.NaN;
    private double dxSum;
    private double adx = Double.NaN;

    DirectionalMovementTracker(int period) {
        this.period = period;
        this.periodValue = period;
        this.periodMinusOne = period - 1;
    }

    void push(double high, double low, double close) {
        long i = count++;
        if (i > 0) {
            double up = high - previousHigh;
            double down = previousLow - low;
            double tr = TrueRange.of(high, low, previousClose);
            if (i < period) {
                plusDm += DirectionalMovement.plus(up, down);
                minusDm += DirectionalMovement.minus(up, down);
                trueRange += tr;
            } else {
                plusDm = WilderSmoothing.nextSum(plusDm, DirectionalMovement.plus(up, down), periodValue);
                minusDm = WilderSmoothing.nextSum(minusDm, DirectionalMovement.minus(up, down), periodValue);
                trueRange = WilderSmoothing.nextSum(trueRange, tr, periodValue);
                plusDi = DirectionalMovement.indicator(plusDm, trueRange);
                minusDi = DirectionalMovement.indicator(minusDm, trueRange);
                updateIndex(i);
            }
        }
        previousHigh = high;
        previousLow = low;
        previousClose = close;
    }

    private void updateIndex(long i) {
        boolean defined = DirectionalMovement.hasIndex(plusDi, minusDi);
        double index = defined ? DirectionalMovement.index(plusDi, minusDi) : 0.0;
        if (defined || i == period) {
            dx = index;
        }
        long adxStart = 2L * period - 1;
        if (i <= adxStart) {
            if (defined) {
                dxSum += index;
            }
            if (i == adxStart) {
                adx = dxSum / periodValue;
            }
        } else if (defined) {
            adx = WilderSmoothing.nextAverage(adx, index, periodMinusOne, periodValue);
        }
    }

    long count() {
        return count;
    }

    /** +DI after the last bar; {@code NaN} before bar {@code period}. */
    double plusDi() {
        return plusDi;
    }

    /** -DI after the last bar; {@code NaN} before bar {@code period}. */
    double minusDi() {
        return minusDi;
    }

    /** DX after the last bar; {@code NaN} before bar {@code period}. */
    double dx() {
        return dx;
    }

    /** ADX after the last bar; {@code NaN} before bar {@code 2 * period - 1}. */
    double adx() {
        return adx;
    }

    void save(StateWriter out, String prefix) {
        out.putLong(prefix + ".count", count);
        out.putDoubles(prefix + ".values", new double[] {previousHigh, previousLow, previousClose, plusDm, minusDm,
                trueRange, plusDi, minusDi, dx, dxSum, adx});
    }

    void restore(StateReader in, String prefix) {
        long savedCount = in.getLong(prefix + ".count");
        double[] v = in.getDoubles(prefix + ".values");
        if (savedCount < 0 || v.length != 11) {
            throw new IllegalStateException("state '" + prefix + "' is not a directional movement state");
        }
        count = savedCount;
        previousHigh = v[0];
        previousLow = v[1];
        previousClose = v[2];
        plusDm = v[3];
        minusDm = v[4];
        trueRange = v[5];
        plusDi = v[6];
        minusDi = v[7];
        dx = v[8];
        dxSum = v[9];
        adx = v[10];
    }
}
