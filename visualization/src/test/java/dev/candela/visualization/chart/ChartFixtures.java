package dev.candela.visualization.chart;

import dev.candela.core.data.OhlcvSeries;
import dev.candela.core.market.SyntheticMarket;
import dev.candela.spi.Column;
import dev.candela.spi.PriceField;

/** Series and simple indicator values computed here, so that chart tests need no compute backend. */
final class ChartFixtures {

    private ChartFixtures() {
    }

    static OhlcvSeries market(int bars) {
        return SyntheticMarket.builder().seed(11).symbols("TEST").bars(bars).build().generate().series(0);
    }

    /** Simple moving average of the close; NaN for the first {@code period - 1} bars. */
    static double[] sma(OhlcvSeries series, int period) {
        Column close = series.column(PriceField.CLOSE);
        double[] out = new double[series.size()];
        double sum = 0;
        for (int i = 0; i < out.length; i++) {
            sum += close.get(i);
            if (i >= period) {
                sum -= close.get(i - period);
            }
            out[i] = i >= period - 1 ? sum / period : Double.NaN;
        }
        return out;
    }

    /** Close minus its moving average: an oscillator around zero. */
    static double[] deviation(OhlcvSeries series, int period) {
        double[] mean = sma(series, period);
        Column close = series.column(PriceField.CLOSE);
        double[] out = new double[mean.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = close.get(i) - mean[i];
        }
        return out;
    }
}
