package dev.candela.gpu;

import dev.candela.spi.BarBatch;
import dev.candela.spi.Column;
import dev.candela.spi.PriceField;

import java.util.Random;

/**
 * Symbols of random-walk candles on one time index; a NaN close marks a bar the symbol does not have, as
 * in an aligned batch.
 */
final class TestBatch implements BarBatch {
    private final double[][][] fields;
    private final int bars;

    private TestBatch(double[][][] fields) {
        this.fields = fields;
        this.bars = fields[0][0].length;
    }

    static TestBatch random(long seed, int symbols, int bars) {
        Random random = new Random(seed);
        double[][][] f = new double[PriceField.values().length][symbols][bars];
        for (int s = 0; s < symbols; s++) {
            double close = 100 + s;
            for (int i = 0; i < bars; i++) {
                double open = close;
                close = Math.max(1, open + random.nextGaussian());
                f[PriceField.OPEN.ordinal()][s][i] = open;
                f[PriceField.HIGH.ordinal()][s][i] = Math.max(open, close) + random.nextDouble() * 0.5;
                f[PriceField.LOW.ordinal()][s][i] = Math.min(open, close) - random.nextDouble() * 0.5;
                f[PriceField.CLOSE.ordinal()][s][i] = close;
                f[PriceField.VOLUME.ordinal()][s][i] = 10 + random.nextInt(90);
            }
        }
        return new TestBatch(f);
    }

    /** This batch with bars {@code [from, to)} of {@code symbol} missing. */
    TestBatch withHole(int symbol, int from, int to) {
        double[][][] f = new double[fields.length][][];
        for (int k = 0; k < fields.length; k++) {
            f[k] = new double[fields[k].length][];
            for (int s = 0; s < fields[k].length; s++) {
                f[k][s] = fields[k][s].clone();
                if (s == symbol) {
                    java.util.Arrays.fill(f[k][s], from, to, Double.NaN);
                }
            }
        }
        return new TestBatch(f);
    }

    @Override
    public int symbolCount() {
        return fields[0].length;
    }

    @Override
    public int barCount() {
        return bars;
    }

    @Override
    public String symbol(int symbol) {
        return "S" + symbol;
    }

    @Override
    public long timestamp(int bar) {
        return 60_000L * bar;
    }

    @Override
    public Column column(PriceField field, int symbol) {
        return Column.of(fields[field.ordinal()][symbol]);
    }
}
