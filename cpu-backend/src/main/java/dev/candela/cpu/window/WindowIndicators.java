package dev.candela.cpu.window;

import dev.candela.cpu.kernel.TypicalPrice;
import dev.candela.spi.BarBatch;
import dev.candela.spi.Column;
import dev.candela.spi.Indicator;
import dev.candela.spi.PriceField;

import java.util.List;

/**
 * The rolling-window, volume and channel indicators of the CPU library: stoch, stochf, willr, cci,
 * aroon, aroonosc, midpoint, midprice, sar, obv, ad, adosc (TA-Lib-exact) and vwap, vwap_session,
 * donchian, ichimoku (beyond TA-Lib).
 */
public final class WindowIndicators {
    /** Largest period any indicator here accepts, TA-Lib's limit. */
    static final int MAX_PERIOD = 100_000;

    private WindowIndicators() {
    }

    /** Writes the {@link TypicalPrice} of every bar of {@code symbol} into {@code out[0, barCount)}. */
    static void typicalPrices(BarBatch bars, int symbol, double[] out) {
        Column high = bars.column(PriceField.HIGH, symbol);
        Column low = bars.column(PriceField.LOW, symbol);
        Column close = bars.column(PriceField.CLOSE, symbol);
        TypicalPrice.series(high.array(), high.offset(), low.array(), low.offset(), close.array(), close.offset(), out, 0,
                bars.barCount());
    }

    /** One instance of each indicator of this package. */
    public static List<Indicator> all() {
        return List.of(
                new Stochastic(),
                new FastStochastic(),
                new WilliamsPercentRange(),
                new CommodityChannelIndex(),
                new Aroon(),
                new AroonOscillator(),
                new MidPoint(),
                new MidPrice(),
                new ParabolicSar(),
                new OnBalanceVolume(),
                new AccumulationDistribution(),
                new ChaikinOscillator(),
                new RollingVwap(),
                new SessionVwap(),
                new DonchianChannel(),
                new Ichimoku());
    }
}
