package dev.candela.spi;

/**
 * Where a batch computation writes: one {@code double[]} of {@link #barCount()} values per output and
 * symbol.
 */
public interface IndicatorOutput {

    int outputCount();

    int symbolCount();

    int barCount();

    /** The writable array of output {@code output} for symbol {@code symbol}, {@link #barCount()} long. */
    double[] array(int output, int symbol);

    /** Fresh arrays for {@code outputs x symbols}, each {@code bars} long. */
    static IndicatorOutput allocate(int outputs, int symbols, int bars) {
        double[][][] arrays = new double[outputs][symbols][bars];
        return new IndicatorOutput() {
            @Override
            public int outputCount() {
                return outputs;
            }

            @Override
            public int symbolCount() {
                return symbols;
            }

            @Override
            public int barCount() {
                return bars;
            }

            @Override
            public double[] array(int output, int symbol) {
                return arrays[output][symbol];
            }
        };
    }
}
