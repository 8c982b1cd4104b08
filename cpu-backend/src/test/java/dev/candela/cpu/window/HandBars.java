package dev.candela.cpu.window;

import dev.candela.spi.BarBatch;
import dev.candela.spi.Column;
import dev.candela.spi.Indicator;
import dev.candela.spi.IndicatorOutput;
import dev.candela.spi.IndicatorState;
import dev.candela.spi.Parameters;
import dev.candela.spi.PriceField;

import java.util.ArrayList;
import java.util.List;

/**
 * A one-symbol batch of hand-written bars for tests, allowing {@code NaN} (missing) bars, with helpers
 * that run an indicator in batch and streaming form. The open equals the close.
 */
final class HandBars implements BarBatch {
    private final List<long[]> times = new ArrayList<>();
    private final List<double[]> rows = new ArrayList<>();

    /** Appends a bar opening at {@code timestamp} (epoch ms UTC). */
    HandBars bar(long timestamp, double high, double low, double close, double volume) {
        times.add(new long[] {timestamp});
        rows.add(new double[] {close, high, low, close, volume});
        return this;
    }

    /** Appends a bar one hour after the previous one (the first at 0). */
    HandBars bar(double high, double low, double close, double volume) {
        long t = times.isEmpty() ? 0 : times.get(times.size() - 1)[0] + 3_600_000L;
        return bar(t, high, low, close, volume);
    }

    @Override
    public int symbolCount() {
        return 1;
    }

    @Override
    public int barCount() {
        return rows.size();
    }

    @Override
    public String symbol(int symbol) {
        return "HAND";
    }

    @Override
    public long timestamp(int bar) {
        return times.get(bar)[0];
    }

    @Override
    public Column column(PriceField field, int symbol) {
        double[] values = new double[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = rows.get(i)[field.ordinal()];
        }
        return Column.of(values);
    }

    /** Every output of {@code indicator} computed in one batch call. */
    double[][] compute(Indicator indicator, Parameters p) {
        return compute(indicator, p, this);
    }

    /** Every output of {@code indicator} over symbol 0 of any batch, computed in one call. */
    static double[][] compute(Indicator indicator, Parameters p, BarBatch bars) {
        IndicatorOutput out = IndicatorOutput.allocate(indicator.outputs().size(), bars.symbolCount(), bars.barCount());
        indicator.compute(p, bars, out);
        double[][] result = new double[out.outputCount()][];
        for (int k = 0; k < result.length; k++) {
            result[k] = out.array(k, 0);
        }
        return result;
    }

    /** Every output of {@code indicator} after each bar, fed one bar at a time. */
    double[][] stream(Indicator indicator, Parameters p) {
        IndicatorState state = indicator.newState(p);
        double[][] result = new double[indicator.outputs().size()][barCount()];
        for (int i = 0; i < barCount(); i++) {
            double[] r = rows.get(i);
            state.update(timestamp(i), r[0], r[1], r[2], r[3], r[4]);
            for (int k = 0; k < result.length; k++) {
                result[k][i] = state.value(k);
            }
        }
        return result;
    }
}
