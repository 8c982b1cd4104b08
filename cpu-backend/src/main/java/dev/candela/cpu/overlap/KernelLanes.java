package dev.candela.cpu.overlap;

import dev.candela.spi.BarBatch;
import dev.candela.spi.Column;
import dev.candela.spi.IndicatorOutput;
import dev.candela.spi.Parameters;
import dev.candela.spi.PriceField;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The argument layout of {@link dev.candela.cpu.kernel.MovingAverages#emaLanes} and
 * {@link dev.candela.cpu.kernel.MovingAverages#smaLanes}: one lane per symbol of a batch, or one lane per
 * parameter set of a sweep over one symbol. {@code source[j]} is the symbol or sweep entry of lane
 * {@code j}.
 */
record KernelLanes(double[][] in, int[] inOff, double[][] out, int[] outOff, int[] period, int[] source) {

    private static KernelLanes empty(int lanes) {
        return new KernelLanes(new double[lanes][], new int[lanes], new double[lanes][], new int[lanes], new int[lanes],
                new int[lanes]);
    }

    /** The closes of every symbol of {@code bars} into output {@code output}, all with {@code period}. */
    static KernelLanes ofSymbols(BarBatch bars, IndicatorOutput out, int output, int period) {
        KernelLanes lanes = empty(bars.symbolCount());
        for (int s = 0; s < bars.symbolCount(); s++) {
            Column close = bars.column(PriceField.CLOSE, s);
            lanes.in[s] = close.array();
            lanes.inOff[s] = close.offset();
            lanes.out[s] = out.array(output, s);
            lanes.period[s] = period;
            lanes.source[s] = s;
        }
        return lanes;
    }

    /**
     * Lanes for a sweep over the period (parameter 0), filled per symbol by {@link #fillSweep}. Lanes are
     * ordered by period: a group of lanes runs side by side once its longest warm-up is over, so similar
     * periods belong together.
     */
    static KernelLanes forSweep(List<Parameters> sweep) {
        int n = sweep.size();
        Integer[] order = new Integer[n];
        for (int j = 0; j < n; j++) {
            order[j] = j;
        }
        Arrays.sort(order, Comparator.comparingInt(j -> sweep.get(j).getInt(0)));
        KernelLanes lanes = empty(n);
        for (int j = 0; j < n; j++) {
            lanes.source[j] = order[j];
            lanes.period[j] = sweep.get(order[j]).getInt(0);
        }
        return lanes;
    }

    /** Points every lane at the close of {@code symbol} and at output 0 of that symbol in its sweep entry. */
    void fillSweep(BarBatch bars, int symbol, List<IndicatorOutput> outs) {
        Column close = bars.column(PriceField.CLOSE, symbol);
        for (int j = 0; j < in.length; j++) {
            in[j] = close.array();
            inOff[j] = close.offset();
            out[j] = outs.get(source[j]).array(0, symbol);
        }
    }
}
