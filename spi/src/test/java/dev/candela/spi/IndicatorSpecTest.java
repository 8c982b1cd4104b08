package dev.candela.spi;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndicatorSpecTest {

    @Test
    void parsesIdAndArguments() {
        IndicatorSpec s = IndicatorSpec.parse(" MACD( 12, 26 ,9 ) ");
        assertEquals("macd", s.id());
        assertEquals(List.of(12.0, 26.0, 9.0), s.arguments());
        assertEquals("macd(12,26,9)", s.toString());
        assertEquals("obv", IndicatorSpec.parse("obv").toString());
        assertEquals("obv", IndicatorSpec.parse("obv()").toString());
        assertEquals("bbands(20,2.5)", IndicatorSpec.parse("bbands(20,2.5)").toString());
        assertArrayEquals(new double[] {20, 2.5}, IndicatorSpec.parse("bbands(20,2.5)").argumentArray());
    }

    @Test
    void splitsListsOnTopLevelCommasOnly() {
        List<IndicatorSpec> specs = IndicatorSpec.parseList("rsi(14),macd(12,26,9), bbands(20,2),obv,");
        assertEquals(List.of("rsi(14)", "macd(12,26,9)", "bbands(20,2)", "obv"),
                specs.stream().map(IndicatorSpec::toString).toList());
    }

    @Test
    void rejectsMalformedSpecsWithTheOffendingPart() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> IndicatorSpec.parse("rsi(14"))
                .getMessage().contains("missing ')'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> IndicatorSpec.parse("rsi(x)"))
                .getMessage().contains("'x' is not a number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> IndicatorSpec.parse("r-si"))
                .getMessage().contains("bad id"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> IndicatorSpec.parseList("rsi(14)),ema"))
                .getMessage().contains("unbalanced ')'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> IndicatorSpec.parseList("macd(12,26"))
                .getMessage().contains("unbalanced '('"));
    }

    @Test
    void formatsIntegralValuesWithoutDecimals() {
        assertEquals("14", ParameterSpec.format(14.0));
        assertEquals("-3", ParameterSpec.format(-3.0));
        assertEquals("0.5", ParameterSpec.format(0.5));
        assertEquals("1.0e20", ParameterSpec.format(1e20));
    }

    @Test
    void parameterSpecsRejectInconsistentDefinitions() {
        assertThrows(IllegalArgumentException.class, () -> ParameterSpec.ofInt("p", 0, 1, 10, ""));
        assertThrows(IllegalArgumentException.class, () -> ParameterSpec.ofInt("p", 5, 10, 1, ""));
        assertThrows(IllegalArgumentException.class,
                () -> new ParameterSpec("p", ParameterSpec.Type.INT, 2.5, 0, 10, ""));
    }

    @Test
    void parametersBindDefaultsAndLookUpByName() {
        List<ParameterSpec> specs = List.of(ParameterSpec.ofInt("fast", 12, 2, 100, ""),
                ParameterSpec.ofInt("slow", 26, 2, 100, ""), ParameterSpec.ofDouble("k", 2, 0, 10, ""));
        Parameters p = Parameters.of(specs, 5);
        assertEquals(5, p.getInt("fast"));
        assertEquals(26, p.getInt(1));
        assertEquals(2.0, p.get("k"));
        assertEquals("5,26,2", p.format());
        assertEquals(Parameters.of(specs, 5, 26, 2), p);
        assertThrows(IllegalArgumentException.class, () -> p.get("nope"));
        assertThrows(IllegalArgumentException.class, () -> Parameters.of(specs, Double.NaN));
    }

    @Test
    void columnViewsShareTheArrayAndCheckBounds() {
        double[] a = {1, 2, 3, 4, 5};
        Column c = Column.of(a).slice(1, 4);
        assertEquals(3, c.length());
        assertEquals(2.0, c.get(0));
        assertEquals(4.0, c.get(2));
        assertArrayEquals(new double[] {3, 4}, c.slice(1, 3).toArray());
        a[2] = 30;
        assertEquals(30.0, c.get(1), "a view sees the shared array");
        assertThrows(IndexOutOfBoundsException.class, () -> c.get(3));
        assertThrows(IndexOutOfBoundsException.class, () -> c.slice(2, 5));
        double[] dst = new double[4];
        c.copyTo(1, dst, 1, 2);
        assertArrayEquals(new double[] {0, 30, 4, 0}, dst);
    }

    @Test
    void disabledProfilerRunsTheWorkAndReturnsItsValue() {
        Profiler p = Profiler.disabled();
        assertEquals(42, p.time("x", () -> 42));
        int[] ran = {0};
        p.time("y", () -> ran[0]++);
        assertEquals(1, ran[0]);
        assertEquals(false, p.isEnabled());
    }
}
