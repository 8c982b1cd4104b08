package dev.candela.benchmarks;

import dev.candela.core.registry.PluginRegistry;
import dev.candela.core.registry.ResolvedIndicator;
import dev.candela.spi.IndicatorSpec;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The indicators the benchmarks compare, each with the one spec every implementation computes. A
 * benchmark's {@code indicator} parameter is the {@link #id()}; the spec's arguments feed TA-Lib and ta4j,
 * and Candela resolves the spec through its plugin registry like any user would.
 */
enum ComparedIndicator {
    RSI("rsi(14)"),
    EMA("ema(20)"),
    SMA("sma(20)"),
    MACD("macd(12,26,9)"),
    BBANDS("bbands(20,2)"),
    ATR("atr(14)");

    private final IndicatorSpec spec;

    ComparedIndicator(String spec) {
        this.spec = IndicatorSpec.parse(spec);
    }

    /** The lower-case id, also the value of the benchmarks' {@code indicator} parameter. */
    String id() {
        return spec.id();
    }

    /** The spec string with its arguments, e.g. {@code macd(12,26,9)}. */
    String spec() {
        return spec.toString();
    }

    /** Argument {@code index} of the spec as an integer period. */
    int period(int index) {
        return (int) Math.round(spec.arguments().get(index));
    }

    /** Argument {@code index} of the spec as a real number. */
    double argument(int index) {
        return spec.arguments().get(index);
    }

    /** Candela's implementation bound to the spec, found through the plugins on the class path. */
    ResolvedIndicator resolveCandela() {
        return PluginRegistry.load().resolve(spec);
    }

    /**
     * The indicator with this id.
     *
     * @throws IllegalArgumentException naming the known ids
     */
    static ComparedIndicator of(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no compared indicator '" + id
                + "'; known: " + Arrays.stream(values()).map(ComparedIndicator::id).toList()));
    }

    /** The indicator with this id, if it is one of the compared ones. */
    static Optional<ComparedIndicator> find(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.id().equals(wanted)).findFirst();
    }
}
