package dev.candela.benchmarks;

import dev.candela.core.registry.ResolvedIndicator;
import dev.candela.spi.BarBatch;
import dev.candela.spi.IndicatorOutput;
import dev.candela.spi.PriceField;

import java.util.List;
import java.util.Locale;

/**
 * Checks, before anything is timed, that Candela and TA-Lib compute the same numbers on the benchmark's
 * bars: a speed ratio between two implementations means nothing unless they do the same work.
 */
final class OutputAgreement {
    /** Relative tolerance, absolute for values below 1 in magnitude: the library's TA-Lib agreement bound. */
    static final double TOLERANCE = 1e-9;

    private OutputAgreement() {
    }

    /**
     * Computes {@code candela} over every symbol of {@code bars} and TA-Lib's function for {@code compared}
     * over each symbol alone, and compares every output at every bar: {@code NaN} before TA-Lib's first
     * value, equal within {@link #TOLERANCE} from there on.
     *
     * @throws IllegalStateException naming the first symbol, output and bar that differ
     */
    static void require(ComparedIndicator compared, ResolvedIndicator candela, BarBatch bars) {
        int n = bars.barCount();
        List<String> names = candela.indicator().outputs();
        IndicatorOutput ours = IndicatorOutput.allocate(names.size(), bars.symbolCount(), n);
        candela.indicator().compute(candela.parameters(), bars, ours);
        TaLibFunction taLib = TaLibFunction.of(compared);
        double[][] theirs = new double[names.size()][n];
        for (int s = 0; s < bars.symbolCount(); s++) {
            double[] high = bars.column(PriceField.HIGH, s).toArray();
            double[] low = bars.column(PriceField.LOW, s).toArray();
            double[] close = bars.column(PriceField.CLOSE, s).toArray();
            int begin = taLib.compute(high, low, close, n, theirs);
            for (int k = 0; k < names.size(); k++) {
                double[] mine = ours.array(k, s);
                for (int i = 0; i < n; i++) {
                    double expected = i < begin ? Double.NaN : theirs[k][i - begin];
                    if (!agree(mine[i], expected)) {
                        throw new IllegalStateException(String.format(Locale.ROOT,
                                "%s output '%s' of symbol %s differs from TA-Lib at bar %d: %s vs %s", candela.spec(),
                                names.get(k), bars.symbol(s), i, mine[i], expected));
                    }
                }
            }
        }
    }

    /** Both {@code NaN}, or within {@link #TOLERANCE}. */
    static boolean agree(double actual, double expected) {
        if (Double.isNaN(expected)) {
            return Double.isNaN(actual);
        }
        return Math.abs(actual - expected) <= TOLERANCE * Math.max(1.0, Math.abs(expected));
    }
}
