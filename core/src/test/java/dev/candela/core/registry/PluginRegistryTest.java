package dev.candela.core.registry;

import dev.candela.spi.CandelaPlugin;
import dev.candela.spi.Indicator;
import dev.candela.spi.IndicatorSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PluginRegistryTest {

    @Test
    void findsPluginsThroughServiceLoader() {
        PluginRegistry registry = PluginRegistry.load(getClass().getClassLoader());
        assertTrue(registry.indicators().containsKey("runsum"));
        assertFalse(registry.indicators().containsKey("fromjar"), "jar-only plugin must not be on the class path");
    }

    @Test
    void findsPluginsInJarsOfAPluginDirectory(@TempDir Path dir) throws IOException {
        try (OutputStream file = Files.newOutputStream(dir.resolve("extra.jar"));
             JarOutputStream jar = new JarOutputStream(file)) {
            jar.putNextEntry(new JarEntry("META-INF/services/dev.candela.spi.CandelaPlugin"));
            jar.write("dev.candela.core.registry.JarOnlyPlugin\n".getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        PluginRegistry registry = PluginRegistry.load(getClass().getClassLoader(), dir);
        assertTrue(registry.indicators().containsKey("fromjar"));
        assertTrue(registry.indicators().containsKey("runsum"));
    }

    @Test
    void rejectsAMissingPluginDirectory(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PluginRegistry.load(getClass().getClassLoader(), dir.resolve("nope")));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }

    @Test
    void duplicateIdNamesBothProviderClasses() {
        CandelaPlugin a = new TestPlugin();
        CandelaPlugin b = new CandelaPlugin() {
            @Override
            public Collection<Indicator> indicators() {
                return List.of(new Impostor());
            }
        };
        DuplicateProviderException e = assertThrows(DuplicateProviderException.class,
                () -> PluginRegistry.of(List.of(a, b)));
        assertTrue(e.getMessage().contains(RunningSum.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains(Impostor.class.getName()), e.getMessage());
        assertTrue(e.getMessage().contains("'runsum'"), e.getMessage());
    }

    /** Claims RunningSum's id. */
    static final class Impostor extends DelegatingIndicator {
        Impostor() {
            super(new RunningSum());
        }
    }

    @Test
    void unknownIdSuggestsClosestKnownIds() {
        PluginRegistry registry = PluginRegistry.of(List.of(new TestPlugin()));
        UnknownIdException e = assertThrows(UnknownIdException.class, () -> registry.indicator("runsun"));
        assertEquals(List.of("runsum"), e.suggestions());
        assertEquals("unknown indicator 'runsun'; did you mean runsum?", e.getMessage());
        UnknownIdException far = assertThrows(UnknownIdException.class, () -> registry.indicator("xyzzy"));
        assertEquals(List.of(), far.suggestions());
        assertEquals("unknown indicator 'xyzzy'", far.getMessage());
    }

    @Test
    void closestIdsRankByEditDistanceWithTranspositions() {
        assertEquals(1, ClosestIds.distance("rsi", "rsj"));
        assertEquals(1, ClosestIds.distance("rsi", "sri"));
        assertEquals(2, ClosestIds.distance("macd", "mcda"));
        assertEquals(3, ClosestIds.distance("", "abc"));
        assertEquals(List.of("ema", "sma", "wma"), ClosestIds.to("xma", List.of("wma", "sma", "ema", "macd")));
        assertEquals(List.of("roc", "rocp"), ClosestIds.to("roc", List.of("rocp", "roc", "rsi")).subList(0, 2));
    }

    @Test
    void resolvesSpecsWithDefaultsAndCanonicalNames() {
        PluginRegistry registry = PluginRegistry.of(List.of(new TestPlugin()));
        ResolvedIndicator r = registry.resolve(IndicatorSpec.parse("runsum"));
        assertEquals("runsum(3,2)", r.spec());
        assertEquals(List.of("runsum(3,2).sum", "runsum(3,2).scaled"), r.columnNames());
        assertEquals(2, r.lookback());
        List<ResolvedIndicator> all = registry.resolveAll("runsum(5), runsum(4,0.5)");
        assertEquals(List.of("runsum(5,2)", "runsum(4,0.5)"), all.stream().map(ResolvedIndicator::spec).toList());
    }

    @Test
    void badParameterNamesSpecAndParameter() {
        PluginRegistry registry = PluginRegistry.of(List.of(new TestPlugin()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> registry.resolve(IndicatorSpec.parse("runsum(0)")));
        assertEquals("indicator spec 'runsum(0)': parameter 'period' = 0 is outside [1, 1000]", e.getMessage());
        IllegalArgumentException many = assertThrows(IllegalArgumentException.class,
                () -> registry.resolve(IndicatorSpec.parse("runsum(1,2,3)")));
        assertTrue(many.getMessage().contains("at most 2"), many.getMessage());
        IllegalArgumentException frac = assertThrows(IllegalArgumentException.class,
                () -> registry.resolve(IndicatorSpec.parse("runsum(2.5)")));
        assertTrue(frac.getMessage().contains("must be an integer"), frac.getMessage());
    }
}
