package dev.candela.cpu.momentum;

import dev.candela.cpu.CpuIndicator;
import dev.candela.cpu.kernel.MovingAverages;
import dev.candela.cpu.kernel.TaLibZero;
import dev.candela.cpu.kernel.WilderSmoothing;
import dev.candela.spi.BarBatch;
import dev.candela.spi.Category;
import dev.candela.spi.Column;
import dev.candela.spi.IndicatorOutput;
import dev.candela.spi.IndicatorState;
import dev.candela.spi.ParameterSpec;
import dev.candela.spi.Parameters;
import dev.candela.spi.PriceField;

import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

/**
 * {@code rsi(period)}: Wilder's Relative Strength Index of the close, with TA-Lib's seed and lookback.
 * Lookback {@code period}; the seed averages the gains and losses of the first {@code period}
 * close-to-close differences, then each average is smoothed as {@code avg *= period - 1; avg += move;
 * avg *= 1 / period}. The value is {@code 100 * gain / (gain + loss)}, and 0 when {@code gain + loss} is
 * zero within 1e-8.
 *
 * <p>Speed: the hot loop is branch-free (gains and losses are {@code max(diff, 0)} and
 * {@code max(-diff, 0)}, which add exactly 0 where TA-Lib skips the addition), and the smoothing multiplies
 * by the reciprocal of the period where TA-Lib divides ({@link WilderSmoothing#nextAverageScaled}). The
 * recursion is bound by the latency of that chain, so this halves the time per bar. Values then stay within
 * about {@code period * 1e-15} of TA-Lib's, relatively (1e-10 at the largest valid period); TA-Lib's exact
 * division is kept in {@link StochasticRsi}, which magnifies last bits. A batch runs four symbols per pass and a parameter
 * sweep four periods per pass over differences computed once per symbol, so that independent chains fill
 * the wait; each output still equals its one-symbol, one-period result bit for bit.
 */
final class RelativeStrengthIndex extends CpuIndicator {

    RelativeStrengthIndex() {
        super("rsi", Category.MOMENTUM, "Relative Strength Index (Wilder)", EnumSet.of(PriceField.CLOSE),
                List.of("value"),
                ParameterSpec.ofInt("period", 14, 2, MomentumIndicators.MAX_PERIOD, "number of close-to-close differences"));
    }

    @Override
    public int lookback(Parameters p) {
        return p.getInt(0);
    }

    @Override
    public void compute(Parameters p, BarBatch bars, IndicatorOutput out) {
        int period = p.getInt(0);
        int symbols = bars.symbolCount();
        int s = 0;
        if (bars.barCount() > period) {
            for (; s + 4 <= symbols; s += 4) {
                rsiFourSymbols(bars, s, out, period);
            }
        }
        for (; s < symbols; s++) {
            computeSymbol(p, bars, s, out);
        }
    }

    @Override
    protected void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        Column close = bars.column(PriceField.CLOSE, symbol);
        rsi(close.array(), close.offset(), out.array(0, symbol), 0, bars.barCount(), p.getInt(0));
    }

    /**
     * Shares the close-to-close gains and losses between the periods of a sweep, and runs four periods per
     * pass: one period's recursion leaves the core waiting on its dependency chain, and four independent
     * chains fill that wait. Every period still runs the same operations in the same order as
     * {@link #compute}, so each output equals its one-by-one result bit for bit.
     */
    @Override
    public void computeSweep(List<Parameters> sweep, BarBatch bars, List<IndicatorOutput> outs) {
        if (sweep.size() != outs.size()) {
            throw new IllegalArgumentException("sweep of " + sweep.size() + " parameter sets but " + outs.size() + " outputs");
        }
        int count = sweep.size();
        // Sweep positions in period order, so that the four periods of a pass are close and the part each
        // runs alone before the joint loop is short.
        Integer[] order = new Integer[count];
        for (int k = 0; k < count; k++) {
            order[k] = k;
        }
        Arrays.sort(order, Comparator.comparingInt(k -> sweep.get(k).getInt(0)));
        int[] periods = new int[count];
        for (int k = 0; k < count; k++) {
            periods[k] = sweep.get(order[k]).getInt(0);
        }
        int len = bars.barCount();
        double[] gains = new double[len];
        double[] losses = new double[len];
        for (int s = 0; s < bars.symbolCount(); s++) {
            Column close = bars.column(PriceField.CLOSE, s);
            moves(close.array(), close.offset(), len, gains, losses);
            int k = 0;
            for (; k + 4 <= count; k += 4) {
                fromMovesFourAtOnce(gains, losses, len,
                        outs.get(order[k]).array(0, s), periods[k],
                        outs.get(order[k + 1]).array(0, s), periods[k + 1],
                        outs.get(order[k + 2]).array(0, s), periods[k + 2],
                        outs.get(order[k + 3]).array(0, s), periods[k + 3]);
            }
            for (; k < count; k++) {
                fromMoves(gains, losses, outs.get(order[k]).array(0, s), len, periods[k], len);
            }
        }
    }

    /** Streaming RSI: the Wilder averages of {@link WilderMoves#scaled} and {@link #value}. */
    @Override
    public IndicatorState newState(Parameters p) {
        return new WilderMoves.RatioState(WilderMoves.scaled(p.getInt(0)), WilderMoves.Ratio.RELATIVE_STRENGTH, "rsi");
    }

    /** RSI from the average gain and loss: 0 where both are zero within 1e-8, as TA-Lib 0.4.0. */
    static double value(double gain, double loss) {
        double sum = gain + loss;
        return TaLibZero.isZero(sum) ? 0.0 : 100.0 * (gain / sum);
    }

    /**
     * RSI of {@code in[inOff, inOff + len)} into {@code out[outOff, outOff + len)}, {@code NaN} before
     * bar {@code period}.
     */
    static void rsi(double[] in, int inOff, double[] out, int outOff, int len, int period) {
        if (!MovingAverages.warmUp(out, outOff, len, period)) {
            return;
        }
        double gain = seedAverage(in, inOff, period, 1.0);
        double loss = seedAverage(in, inOff, period, -1.0);
        out[outOff + period] = value(gain, loss);
        double nm1 = period - 1;
        double inverse = 1.0 / period;
        double previous = in[inOff + period];
        for (int i = period + 1; i < len; i++) {
            double x = in[inOff + i];
            double move = x - previous;
            previous = x;
            gain = WilderSmoothing.nextAverageScaled(gain, Math.max(move, 0.0), nm1, inverse);
            loss = WilderSmoothing.nextAverageScaled(loss, Math.max(-move, 0.0), nm1, inverse);
            out[outOff + i] = value(gain, loss);
        }
    }

    /**
     * TA-Lib's seed: the sum of the first {@code period} gains ({@code sign = 1}) or losses
     * ({@code sign = -1}) of {@code in[inOff..inOff + period]}, added in order from 0.0, divided by
     * {@code period}. Negating a difference is exact, so {@code max(sign * move, 0)} is the loss bit for bit.
     */
    static double seedAverage(double[] in, int inOff, int period, double sign) {
        double sum = 0;
        for (int i = 1; i <= period; i++) {
            sum += Math.max(sign * (in[inOff + i] - in[inOff + i - 1]), 0.0);
        }
        return sum / period;
    }

    /**
     * Four symbols of a batch in one pass, each exactly as {@link #rsi} computes it alone: one symbol's
     * recursion leaves the core waiting on its dependency chain, four independent chains fill that wait.
     */
    private static void rsiFourSymbols(BarBatch bars, int first, IndicatorOutput out, int period) {
        int len = bars.barCount();
        Column c0 = bars.column(PriceField.CLOSE, first);
        Column c1 = bars.column(PriceField.CLOSE, first + 1);
        Column c2 = bars.column(PriceField.CLOSE, first + 2);
        Column c3 = bars.column(PriceField.CLOSE, first + 3);
        double[] in0 = c0.array();
        double[] in1 = c1.array();
        double[] in2 = c2.array();
        double[] in3 = c3.array();
        int off0 = c0.offset();
        int off1 = c1.offset();
        int off2 = c2.offset();
        int off3 = c3.offset();
        double[] out0 = out.array(0, first);
        double[] out1 = out.array(0, first + 1);
        double[] out2 = out.array(0, first + 2);
        double[] out3 = out.array(0, first + 3);
        double g0 = seedAverage(in0, off0, period, 1.0);
        double l0 = seedAverage(in0, off0, period, -1.0);
        double g1 = seedAverage(in1, off1, period, 1.0);
        double l1 = seedAverage(in1, off1, period, -1.0);
        double g2 = seedAverage(in2, off2, period, 1.0);
        double l2 = seedAverage(in2, off2, period, -1.0);
        double g3 = seedAverage(in3, off3, period, 1.0);
        double l3 = seedAverage(in3, off3, period, -1.0);
        MovingAverages.nan(out0, 0, period);
        MovingAverages.nan(out1, 0, period);
        MovingAverages.nan(out2, 0, period);
        MovingAverages.nan(out3, 0, period);
        out0[period] = value(g0, l0);
        out1[period] = value(g1, l1);
        out2[period] = value(g2, l2);
        out3[period] = value(g3, l3);
        double nm1 = period - 1;
        double inverse = 1.0 / period;
        for (int i = period + 1; i < len; i++) {
            double m0 = in0[off0 + i] - in0[off0 + i - 1];
            double m1 = in1[off1 + i] - in1[off1 + i - 1];
            double m2 = in2[off2 + i] - in2[off2 + i - 1];
            double m3 = in3[off3 + i] - in3[off3 + i - 1];
            g0 = WilderSmoothing.nextAverageScaled(g0, Math.max(m0, 0.0), nm1, inverse);
            l0 = WilderSmoothing.nextAverageScaled(l0, Math.max(-m0, 0.0), nm1, inverse);
            g1 = WilderSmoothing.nextAverageScaled(g1, Math.max(m1, 0.0), nm1, inverse);
            l1 = WilderSmoothing.nextAverageScaled(l1, Math.max(-m1, 0.0), nm1, inverse);
            g2 = WilderSmoothing.nextAverageScaled(g2, Math.max(m2, 0.0), nm1, inverse);
            l2 = WilderSmoothing.nextAverageScaled(l2, Math.max(-m2, 0.0), nm1, inverse);
            g3 = WilderSmoothing.nextAverageScaled(g3, Math.max(m3, 0.0), nm1, inverse);
            l3 = WilderSmoothing.nextAverageScaled(l3, Math.max(-m3, 0.0), nm1, inverse);
            out0[i] = value(g0, l0);
            out1[i] = value(g1, l1);
            out2[i] = value(g2, l2);
            out3[i] = value(g3, l3);
        }
    }

    /**
     * RSI exactly as TA-Lib computes it, dividing by the period in every step, for indicators that amplify
     * last-bit differences (the stochastic of the RSI divides by the RSI's range over a few bars, which is
     * close to zero on flat stretches).
     */
    static void rsiExact(double[] in, int inOff, double[] out, int outOff, int len, int period) {
        WilderMoves.exactSeries(in, inOff, out, outOff, len, period, WilderMoves.Ratio.RELATIVE_STRENGTH);
    }

    /** Gains and losses of each close-to-close difference, at index 1 onwards (index 0 has none). */
    static void moves(double[] in, int inOff, int len, double[] gains, double[] losses) {
        for (int i = 1; i < len; i++) {
            double move = in[inOff + i] - in[inOff + i - 1];
            gains[i] = Math.max(move, 0.0);
            losses[i] = Math.max(-move, 0.0);
        }
    }

    /**
     * RSI from precomputed {@link #moves} up to bar {@code until} (exclusive), for a series of {@code len}
     * bars: the same sums and steps as {@link #rsi}, hence the same bits. Returns the gain and loss averages
     * reached, or null when the series is too short for a value.
     */
    static double[] fromMoves(double[] gains, double[] losses, double[] out, int len, int period, int until) {
        if (!MovingAverages.warmUp(out, 0, len, period)) {
            return null;
        }
        double gain = 0;
        double loss = 0;
        for (int i = 1; i <= period; i++) {
            gain += gains[i];
            loss += losses[i];
        }
        double nd = period;
        double nm1 = period - 1;
        double inverse = 1.0 / period;
        gain /= nd;
        loss /= nd;
        out[period] = value(gain, loss);
        int end = Math.min(until, len);
        for (int i = period + 1; i < end; i++) {
            gain = WilderSmoothing.nextAverageScaled(gain, gains[i], nm1, inverse);
            loss = WilderSmoothing.nextAverageScaled(loss, losses[i], nm1, inverse);
            out[i] = value(gain, loss);
        }
        return new double[] {gain, loss};
    }

    /**
     * Four periods over the same precomputed moves: each runs alone up to the largest of the four, then
     * all four advance together, each chain exactly as in {@link #fromMoves}.
     */
    private static void fromMovesFourAtOnce(double[] gains, double[] losses, int len,
                                            double[] out0, int p0, double[] out1, int p1,
                                            double[] out2, int p2, double[] out3, int p3) {
        int start = Math.max(Math.max(p0, p1), Math.max(p2, p3)) + 1;
        double[] s0 = fromMoves(gains, losses, out0, len, p0, start);
        double[] s1 = fromMoves(gains, losses, out1, len, p1, start);
        double[] s2 = fromMoves(gains, losses, out2, len, p2, start);
        double[] s3 = fromMoves(gains, losses, out3, len, p3, start);
        if (s0 == null || s1 == null || s2 == null || s3 == null) {
            // A period too long for the series leaves its output all NaN; finish the others one by one.
            finishAlone(gains, losses, len, out0, p0, s0, start);
            finishAlone(gains, losses, len, out1, p1, s1, start);
            finishAlone(gains, losses, len, out2, p2, s2, start);
            finishAlone(gains, losses, len, out3, p3, s3, start);
            return;
        }
        double g0 = s0[0];
        double l0 = s0[1];
        double g1 = s1[0];
        double l1 = s1[1];
        double g2 = s2[0];
        double l2 = s2[1];
        double g3 = s3[0];
        double l3 = s3[1];
        double m0 = p0 - 1;
        double m1 = p1 - 1;
        double m2 = p2 - 1;
        double m3 = p3 - 1;
        double c0 = 1.0 / p0;
        double c1 = 1.0 / p1;
        double c2 = 1.0 / p2;
        double c3 = 1.0 / p3;
        for (int i = start; i < len; i++) {
            double gain = gains[i];
            double loss = losses[i];
            g0 = WilderSmoothing.nextAverageScaled(g0, gain, m0, c0);
            l0 = WilderSmoothing.nextAverageScaled(l0, loss, m0, c0);
            g1 = WilderSmoothing.nextAverageScaled(g1, gain, m1, c1);
            l1 = WilderSmoothing.nextAverageScaled(l1, loss, m1, c1);
            g2 = WilderSmoothing.nextAverageScaled(g2, gain, m2, c2);
            l2 = WilderSmoothing.nextAverageScaled(l2, loss, m2, c2);
            g3 = WilderSmoothing.nextAverageScaled(g3, gain, m3, c3);
            l3 = WilderSmoothing.nextAverageScaled(l3, loss, m3, c3);
            out0[i] = value(g0, l0);
            out1[i] = value(g1, l1);
            out2[i] = value(g2, l2);
            out3[i] = value(g3, l3);
        }
    }

    /** Continues one period from {@code start} with the averages {@code state} reached there. */
    private static void finishAlone(double[] gains, double[] losses, int len, double[] out, int period,
                                    double[] state, int start) {
        if (state == null) {
            return;
        }
        double gain = state[0];
        double loss = state[1];
        double nm1 = period - 1;
        double inverse = 1.0 / period;
        for (int i = start; i < len; i++) {
            gain = WilderSmoothing.nextAverageScaled(gain, gains[i], nm1, inverse);
            loss = WilderSmoothing.nextAverageScaled(loss, losses[i], nm1, inverse);
            out[i] = value(gain, loss);
        }
    }
}
