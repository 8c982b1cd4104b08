package dev.candela.cpu.overlap;

import dev.candela.cpu.CpuIndicator;
import dev.candela.cpu.kernel.EmaStream;
import dev.candela.cpu.kernel.MovingAverages;
import dev.candela.spi.BarBatch;
import dev.candela.spi.Category;
import dev.candela.spi.Column;
import dev.candela.spi.IndicatorOutput;
import dev.candela.spi.IndicatorState;
import dev.candela.spi.Parameters;
import dev.candela.spi.PriceField;
import dev.candela.spi.StateReader;
import dev.candela.spi.StateWriter;

import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

/**
 * {@code macd(fast, slow, signal)}: Appel's moving average convergence/divergence of the close,
 * TA-Lib-exact. Outputs {@code macd} (fast EMA - slow EMA), {@code signal} (EMA of macd) and {@code hist}
 * (macd - signal); lookback {@code (slow - 1) + (signal - 1)} for all three.
 *
 * <p>TA-Lib's rules: a slow period shorter than the fast one is swapped with it; the slow EMA is seeded
 * with the SMA of bars {@code 0 .. slow-1}, the fast EMA with the SMA of the {@code fast} bars ending on
 * the same bar {@code slow - 1} (not of bars {@code 0 .. fast-1}); the signal EMA is seeded with the SMA of
 * the first {@code signal} macd values. The signal period starts at 2: TA-Lib 0.4.0 fails on 1.
 *
 * <p>The batch computes all three EMAs and outputs in one pass over the closes. A sweep computes each
 * distinct slow EMA once, each distinct fast EMA (which depends on the slow period through its seed) once,
 * and runs every signal period of the sweep on the shared macd line.
 */
final class MovingAverageConvergenceDivergence extends CpuIndicator {

    MovingAverageConvergenceDivergence() {
        super("macd", Category.MOMENTUM, "Moving Average Convergence/Divergence", EnumSet.of(PriceField.CLOSE),
                List.of("macd", "signal", "hist"),
                OverlapIndicators.period("fast", 12, 2, "period of the fast EMA"),
                OverlapIndicators.period("slow", 26, 2, "period of the slow EMA"),
                OverlapIndicators.period("signal", 9, 2, "period of the signal EMA of the macd line"));
    }

    @Override
    public int lookback(Parameters p) {
        return Math.max(p.getInt(0), p.getInt(1)) - 1 + p.getInt(2) - 1;
    }

    @Override
    protected void computeSymbol(Parameters p, BarBatch bars, int symbol, IndicatorOutput out) {
        Column close = bars.column(PriceField.CLOSE, symbol);
        int fast = Math.min(p.getInt(0), p.getInt(1));
        int slow = Math.max(p.getInt(0), p.getInt(1));
        macd(close.array(), close.offset(), bars.barCount(), fast, slow, p.getInt(2), out.array(0, symbol),
                out.array(1, symbol), out.array(2, symbol));
    }

    /** MACD of {@code in[inOff, inOff + len)} with {@code fast <= slow}, in one pass. */
    static void macd(double[] in, int inOff, int len, int fast, int slow, int signal, double[] macd, double[] sig,
                     double[] hist) {
        int start = slow - 1;
        int lookback = start + signal - 1;
        MovingAverages.warmUp(macd, 0, len, lookback);
        MovingAverages.warmUp(sig, 0, len, lookback);
        if (!MovingAverages.warmUp(hist, 0, len, lookback)) {
            return;
        }
        double kSlow = MovingAverages.emaFactor(slow);
        double kFast = MovingAverages.emaFactor(fast);
        double kSignal = MovingAverages.emaFactor(signal);
        double sumSlow = 0;
        for (int i = 0; i < slow; i++) {
            sumSlow += in[inOff + i];
        }
        double sumFast = 0;
        for (int i = slow - fast; i < slow; i++) {
            sumFast += in[inOff + i];
        }
        double emaSlow = sumSlow / slow;
        double emaFast = sumFast / fast;
        double line = emaFast - emaSlow;
        double sumSignal = 0;
        sumSignal += line;
        for (int i = slow; i <= lookback; i++) {
            double x = in[inOff + i];
            emaSlow = MovingAverages.emaStep(emaSlow, x, kSlow);
            emaFast = MovingAverages.emaStep(emaFast, x, kFast);
            line = emaFast - emaSlow;
            sumSignal += line;
        }
        double emaSignal = sumSignal / signal;
        macd[lookback] = line;
        sig[lookback] = emaSignal;
        hist[lookback] = line - emaSignal;
        for (int i = lookback + 1; i < len; i++) {
            double x = in[inOff + i];
            emaSlow = MovingAverages.emaStep(emaSlow, x, kSlow);
            emaFast = MovingAverages.emaStep(emaFast, x, kFast);
            line = emaFast - emaSlow;
            emaSignal = MovingAverages.emaStep(emaSignal, line, kSignal);
            macd[i] = line;
            sig[i] = emaSignal;
            hist[i] = line - emaSignal;
        }
    }

    @Override
    public void computeSweep(List<Parameters> sweep, BarBatch bars, List<IndicatorOutput> outs) {
        if (sweep.size() != outs.size()) {
            throw new IllegalArgumentException("sweep of " + sweep.size() + " parameter sets but " + outs.size() + " outputs");
        }
        int count = sweep.size();
        int[] fast = new int[count];
        int[] slow = new int[count];
        int[] signal = new int[count];
        Integer[] order = new Integer[count];
        for (int j = 0; j < count; j++) {
            Parameters p = sweep.get(j);
            fast[j] = Math.min(p.getInt(0), p.getInt(1));
            slow[j] = Math.max(p.getInt(0), p.getInt(1));
            signal[j] = p.getInt(2);
            order[j] = j;
        }
        // Grouping by slow, then fast, makes each distinct EMA a single computation.
        Arrays.sort(order, Comparator.<Integer>comparingInt(j -> slow[j]).thenComparingInt(j -> fast[j]));
        int len = bars.barCount();
        double[] slowEma = new double[len];
        double[] line = new double[len];
        for (int s = 0; s < bars.symbolCount(); s++) {
            Column close = bars.column(PriceField.CLOSE, s);
            double[] in = close.array();
            int inOff = close.offset();
            int currentSlow = -1;
            int currentFast = -1;
            for (int j : order) {
                if (slow[j] != currentSlow) {
                    currentSlow = slow[j];
                    currentFast = -1;
                    MovingAverages.ema(in, inOff, slowEma, 0, len, currentSlow);
                }
                if (fast[j] != currentFast) {
                    currentFast = fast[j];
                    MovingAverages.emaSeeded(in, inOff, line, 0, len, currentSlow - currentFast, currentSlow - 1,
                            MovingAverages.emaFactor(currentFast));
                    for (int i = currentSlow - 1; i < len; i++) {
                        line[i] = line[i] - slowEma[i];
                    }
                }
                IndicatorOutput out = outs.get(j);
                fromLine(line, len, currentSlow, signal[j], out.array(0, s), out.array(1, s), out.array(2, s));
            }
        }
    }

    /**
     * The outputs from a macd line that has values from bar {@code slow - 1}: the same signal seed and
     * steps as {@link #macd}, hence the same bits.
     */
    private static void fromLine(double[] line, int len, int slow, int signal, double[] macd, double[] sig,
                                 double[] hist) {
        int start = slow - 1;
        int lookback = start + signal - 1;
        MovingAverages.warmUp(macd, 0, len, lookback);
        MovingAverages.warmUp(sig, 0, len, lookback);
        if (!MovingAverages.warmUp(hist, 0, len, lookback)) {
            return;
        }
        MovingAverages.ema(line, start, sig, start, len - start, signal);
        System.arraycopy(line, lookback, macd, lookback, len - lookback);
        for (int i = lookback; i < len; i++) {
            hist[i] = macd[i] - sig[i];
        }
    }

    @Override
    public IndicatorState newState(Parameters p) {
        return new State(Math.min(p.getInt(0), p.getInt(1)), Math.max(p.getInt(0), p.getInt(1)), p.getInt(2));
    }

    /**
     * Streaming MACD: three {@link EmaStream}s; the fast one skips the bars before its seed window, which
     * ends where the slow one's does.
     */
    static final class State extends CloseDrivenState {
        private final EmaStream slow;
        private final EmaStream fast;
        private final EmaStream signal;
        private double macd = Double.NaN;
        private double hist = Double.NaN;

        State(int fastPeriod, int slowPeriod, int signalPeriod) {
            super(3);
            this.slow = new EmaStream(slowPeriod);
            this.fast = new EmaStream(fastPeriod, slowPeriod - fastPeriod);
            this.signal = new EmaStream(signalPeriod);
        }

        @Override
        void push(double close) {
            double s = slow.push(close);
            double f = fast.push(close);
            if (!slow.ready()) {
                return;
            }
            double line = f - s;
            double g = signal.push(line);
            if (signal.ready()) {
                macd = line;
                hist = line - g;
            }
        }

        @Override
        double output(int output) {
            return switch (output) {
                case 0 -> macd;
                case 1 -> signal.value();
                default -> hist;
            };
        }

        @Override
        void saveValues(StateWriter out) {
            slow.save(out, "slow");
            fast.save(out, "fast");
            signal.save(out, "signal");
            out.putDouble("macd", macd);
            out.putDouble("hist", hist);
        }

        @Override
        void restoreValues(StateReader in) {
            slow.restore(in, "slow");
            fast.restore(in, "fast");
            signal.restore(in, "signal");
            macd = in.getDouble("macd");
            hist = in.getDouble("hist");
        }
    }
}
