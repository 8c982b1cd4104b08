package dev.candela.cpu.window;

import dev.candela.core.registry.ResolvedIndicator;
import dev.candela.spi.Indicator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The package's registry: every indicator once, with the spec and column names users write. */
class WindowIndicatorsTest {
    private final Map<String, Indicator> byId = WindowIndicators.all().stream()
            .collect(Collectors.toMap(Indicator::id, Function.identity()));

    private List<String> defaultColumns(String id) {
        Indicator indicator = byId.get(id);
        return new ResolvedIndicator(indicator, indicator.bind()).columnNames();
    }

    @Test
    void listsEachIndicatorOnce() {
        assertEquals(List.of("stoch", "stochf", "willr", "cci", "aroon", "aroonosc", "midpoint", "midprice", "sar", "obv",
                "ad", "adosc", "vwap", "vwap_session", "donchian", "ichimoku"),
                WindowIndicators.all().stream().map(Indicator::id).toList());
    }

    @Test
    void defaultsAndOutputNamesFollowTaLibAndTheSpecConvention() {
        assertEquals(List.of("stoch(5,3,3).k", "stoch(5,3,3).d"), defaultColumns("stoch"));
        assertEquals(List.of("stochf(5,3).k", "stochf(5,3).d"), defaultColumns("stochf"));
        assertEquals(List.of("willr(14)"), defaultColumns("willr"));
        assertEquals(List.of("cci(14)"), defaultColumns("cci"));
        assertEquals(List.of("aroon(14).down", "aroon(14).up"), defaultColumns("aroon"));
        assertEquals(List.of("aroonosc(14)"), defaultColumns("aroonosc"));
        assertEquals(List.of("midpoint(14)"), defaultColumns("midpoint"));
        assertEquals(List.of("midprice(14)"), defaultColumns("midprice"));
        assertEquals(List.of("sar(0.02,0.2)"), defaultColumns("sar"));
        assertEquals(List.of("obv"), defaultColumns("obv"));
        assertEquals(List.of("ad"), defaultColumns("ad"));
        assertEquals(List.of("adosc(3,10)"), defaultColumns("adosc"));
        assertEquals(List.of("vwap(20)"), defaultColumns("vwap"));
        assertEquals(List.of("vwap_session"), defaultColumns("vwap_session"));
        assertEquals(List.of("donchian(20).upper", "donchian(20).middle", "donchian(20).lower"), defaultColumns("donchian"));
        assertEquals(List.of("ichimoku(9,26,52).tenkan", "ichimoku(9,26,52).kijun", "ichimoku(9,26,52).senkou_a",
                "ichimoku(9,26,52).senkou_b", "ichimoku(9,26,52).chikou"), defaultColumns("ichimoku"));
    }

    @Test
    void emptyAndOneBarSeriesGiveNaNBeforeTheLookbackAndNoError() {
        HandBars empty = new HandBars();
        HandBars oneBar = new HandBars().bar(12, 9, 9, 1);
        for (Indicator indicator : WindowIndicators.all()) {
            for (double[] output : empty.compute(indicator, indicator.bind())) {
                assertEquals(0, output.length, indicator.id());
            }
            boolean hasValue = indicator.lookback(indicator.bind()) == 0;
            double[][] batch = oneBar.compute(indicator, indicator.bind());
            double[][] streamed = oneBar.stream(indicator, indicator.bind());
            for (int k = 0; k < batch.length; k++) {
                assertEquals(hasValue, !Double.isNaN(batch[k][0]), indicator.id() + " batch output " + k);
                assertEquals(batch[k][0], streamed[k][0], indicator.id() + " streaming output " + k);
            }
        }
    }

    @Test
    void lookbacksOfTheDefaultsMatchTaLib() {
        Map<String, Integer> expected = Map.ofEntries(Map.entry("stoch", 8), Map.entry("stochf", 6), Map.entry("willr", 13),
                Map.entry("cci", 13), Map.entry("aroon", 14), Map.entry("aroonosc", 14), Map.entry("midpoint", 13),
                Map.entry("midprice", 13), Map.entry("sar", 1), Map.entry("obv", 0), Map.entry("ad", 0),
                Map.entry("adosc", 9));
        expected.forEach((id, lookback) -> {
            Indicator indicator = byId.get(id);
            assertEquals(lookback, indicator.lookback(indicator.bind()), id);
        });
    }
}
