package dev.candela.gpu;

import java.util.Map;

/** Parameter values to exercise each kernel with: the usual ones and long windows, where sizes grow most. */
final class KernelParameters {
    static final Map<String, double[][]> BY_ID = Map.ofEntries(
            Map.entry("sma", new double[][] {{20}, {300}}), Map.entry("ema", new double[][] {{20}, {300}}),
            Map.entry("wma", new double[][] {{30}, {300}}), Map.entry("dema", new double[][] {{30}}),
            Map.entry("tema", new double[][] {{30}}), Map.entry("macd", new double[][] {{12, 26, 9}}),
            Map.entry("rsi", new double[][] {{14}, {2}}), Map.entry("trange", new double[][] {{}}),
            Map.entry("atr", new double[][] {{14}}), Map.entry("natr", new double[][] {{14}}),
            Map.entry("adx", new double[][] {{14}, {2}}), Map.entry("stddev", new double[][] {{20, 2}, {300, 1}}),
            Map.entry("bbands", new double[][] {{20, 2}, {300, 2}}), Map.entry("willr", new double[][] {{14}}),
            Map.entry("stoch", new double[][] {{5, 3, 3}, {30, 10, 10}}),
            Map.entry("aroon", new double[][] {{14}, {300}}), Map.entry("cci", new double[][] {{20}, {300}}),
            Map.entry("mom", new double[][] {{10}}), Map.entry("roc", new double[][] {{10}}),
            Map.entry("obv", new double[][] {{}}));

    private KernelParameters() {
    }
}
