package dev.candela.cpu.window;

import dev.candela.spi.Indicator;

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
