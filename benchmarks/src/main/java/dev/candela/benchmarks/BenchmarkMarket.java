package dev.candela.benchmarks;

import dev.candela.core.data.SymbolBatch;
import dev.candela.core.data.Timeframe;
import dev.candela.core.market.SyntheticMarket;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The bars every benchmark computes over: minute candles of Candela's synthetic market under one fixed
 * seed, so that each run, each implementation and each machine sees the same numbers.
 */
final class BenchmarkMarket {
    /** Fixed so that results of different runs are computed over identical data. */
    static final long SEED = 0xCA_4DE1AL;

    private BenchmarkMarket() {
    }

    /** {@code symbols} symbols of {@code bars} minute bars each, aligned on one time index. */
    static SymbolBatch generate(int symbols, int bars) {
        List<String> names = new ArrayList<>(symbols);
        for (int s = 0; s < symbols; s++) {
            names.add(String.format(Locale.ROOT, "SYN%04d", s));
        }
        return SyntheticMarket.builder().seed(SEED).symbols(names).timeframe(Timeframe.M1).bars(bars).build()
                .generate();
    }
}
