package dev.candela.cpu.momentum;

import dev.candela.spi.Indicator;
import dev.candela.spi.Parameters;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MomentumIndicatorsTest {

    @Test
    void listsEveryIndicatorOfTheGroupOnce() {
        List<String> ids = MomentumIndicators.all().stream().map(Indicator::id).toList();
        assertEquals(Set.of("rsi", "cmo", "stochrsi", "mfi", "roc", "rocp", "mom", "atr", "natr", "trange", "adx",
                "adxr", "dx", "plus_di", "minus_di", "ultosc", "bop", "supertrend", "keltner"), Set.copyOf(ids));
        assertEquals(ids.size(), Set.copyOf(ids).size(), "ids must be unique: " + ids);
    }

    @Test
    void defaultsAndLookbacksFollowTaLib() {
        Map<String, Indicator> byId = MomentumIndicators.all().stream()
                .collect(Collectors.toMap(Indicator::id, i -> i));
        // id -> default spec arguments and TA-Lib's lookback for them.
        Map<String, Object[]> expected = Map.ofEntries(
                Map.entry("rsi", new Object[] {"14", 14}),
                Map.entry("cmo", new Object[] {"14", 14}),
                Map.entry("stochrsi", new Object[] {"14,5,3", 20}),
                Map.entry("mfi", new Object[] {"14", 14}),
                Map.entry("roc", new Object[] {"10", 10}),
                Map.entry("rocp", new Object[] {"10", 10}),
                Map.entry("mom", new Object[] {"10", 10}),
                Map.entry("atr", new Object[] {"14", 14}),
                Map.entry("natr", new Object[] {"14", 14}),
                Map.entry("trange", new Object[] {"", 1}),
                Map.entry("adx", new Object[] {"14", 27}),
                Map.entry("adxr", new Object[] {"14", 40}),
                Map.entry("dx", new Object[] {"14", 14}),
                Map.entry("plus_di", new Object[] {"14", 14}),
                Map.entry("minus_di", new Object[] {"14", 14}),
                Map.entry("ultosc", new Object[] {"7,14,28", 28}),
                Map.entry("bop", new Object[] {"", 0}),
                Map.entry("supertrend", new Object[] {"10,3", 10}),
                Map.entry("keltner", new Object[] {"20,2,10", 19}));
        expected.forEach((id, e) -> {
            Indicator indicator = byId.get(id);
            Parameters defaults = indicator.bind();
            assertEquals(e[0], defaults.format(), id + " defaults");
            assertEquals(e[1], indicator.lookback(defaults), id + " lookback");
        });
    }
}
