package dev.candela.core.state;

import dev.candela.core.registry.PluginRegistry;
import dev.candela.core.registry.ResolvedIndicator;
import dev.candela.core.registry.TestPlugin;
import dev.candela.spi.IndicatorState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndicatorStateJsonTest {
    private final PluginRegistry registry = PluginRegistry.of(List.of(new TestPlugin()));

    @Test
    void restoredStateContinuesExactlyLikeTheOriginal() {
        ResolvedIndicator sum = registry.resolveAll("runsum(3,2)").get(0);
        IndicatorState live = sum.indicator().newState(sum.parameters());
        double[] closes = {5, 7, 11, 13, 17, 19, 23};
        for (int i = 0; i < 4; i++) {
            live.update(i, 0, 0, 0, closes[i], 0);
        }
        String json = IndicatorStateJson.save(sum, live);
        IndicatorState restored = IndicatorStateJson.restore(sum, json);
        assertEquals(4, restored.barsSeen());
        for (int i = 4; i < closes.length; i++) {
            live.update(i, 0, 0, 0, closes[i], 0);
            restored.update(i, 0, 0, 0, closes[i], 0);
            assertEquals(live.value(0), restored.value(0));
            assertEquals(live.value(1), restored.value(1));
        }
        assertEquals(23 + 19 + 17, restored.value(0));
    }

    @Test
    void nonFiniteValuesSurviveTheRoundTrip() {
        ResolvedIndicator sum = registry.resolveAll("runsum(2)").get(0);
        IndicatorState s = sum.indicator().newState(sum.parameters());
        s.update(0, 0, 0, 0, Double.NaN, 0);
        s.update(1, 0, 0, 0, Double.POSITIVE_INFINITY, 0);
        String json = IndicatorStateJson.save(sum, s);
        assertTrue(json.contains("\"NaN\"") && json.contains("\"Infinity\""), json);
        IndicatorState r = IndicatorStateJson.restore(sum, json);
        r.update(2, 0, 0, 0, 1, 0);
        assertEquals(Double.POSITIVE_INFINITY, r.value(0));
    }

    @Test
    void refusesAStateOfAnotherSpec() {
        ResolvedIndicator a = registry.resolveAll("runsum(3)").get(0);
        ResolvedIndicator b = registry.resolveAll("runsum(4)").get(0);
        String json = IndicatorStateJson.save(a, a.indicator().newState(a.parameters()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IndicatorStateJson.restore(b, json));
        assertEquals("indicator state belongs to 'runsum(3,2)', not 'runsum(4,2)'", e.getMessage());
    }

    @Test
    void reportsMalformedDocumentsAndMissingKeys() {
        ResolvedIndicator a = registry.resolveAll("runsum(3)").get(0);
        assertThrows(IllegalArgumentException.class, () -> IndicatorStateJson.restore(a, "{nope"));
        assertThrows(IllegalArgumentException.class, () -> IndicatorStateJson.restore(a, "{\"format\":9}"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> IndicatorStateJson.restore(a,
                "{\"format\":1,\"spec\":\"runsum(3,2)\",\"state\":{\"window\":[1,2,3]}}"));
        assertEquals("indicator state of 'runsum(3,2)': missing key 'seen'", e.getMessage());
    }
}
