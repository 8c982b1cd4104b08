package dev.candela.core.data;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class BarValidatorTest {
    private static final long T0 = 1_614_556_800_000L; // 2021-03-01T00:00:00Z
    private static final long T1 = T0 + 3_600_000L;

    private static BarViolation check(double open, double high, double low, double close, double volume) {
        return BarValidator.check(7, true, T0, T1, open, high, low, close, volume);
    }

    @Test
    void acceptsAValidCandleIncludingFlatAndZeroVolumeOnes() {
        assertNull(check(10, 12, 9, 11, 100));
        assertNull(check(28080.0, 28080.0, 28080.0, 28080.0, 0.0));
        assertNull(BarValidator.check(0, false, 0, T0, 1, 1, 1, 1, 1));
    }

    @Test
    void rejectsNonFiniteValuesFirst() {
        assertEquals(new BarViolation(7, "high", "NaN is not a finite number"), check(10, Double.NaN, 9, 11, 1));
        assertEquals(new BarViolation(7, "volume", "Infinity is not a finite number"),
                check(10, 12, 9, 11, Double.POSITIVE_INFINITY));
    }

    @Test
    void rejectsRepeatedAndBackwardTimes() {
        assertEquals(new BarViolation(1, "timestamp", "2021-03-01T00:00:00Z repeats the previous row's timestamp"),
                BarValidator.check(1, true, T0, T0, 1, 1, 1, 1, 1));
        assertEquals(new BarViolation(1, "timestamp",
                        "2021-03-01T00:00:00Z is before the previous row's timestamp 2021-03-01T01:00:00Z"),
                BarValidator.check(1, true, T1, T0, 1, 1, 1, 1, 1));
    }

    @Test
    void rejectsNegativePricesAndVolume() {
        assertEquals(new BarViolation(7, "low", "-1.0 is negative"), check(1, 2, -1, 1, 1));
        assertEquals(new BarViolation(7, "volume", "-0.5 is negative"), check(1, 2, 1, 1, -0.5));
    }

    @Test
    void rejectsHighsAndLowsThatDoNotContainOpenAndClose() {
        assertEquals(new BarViolation(7, "high", "101.5 is below low 102.0"), check(102, 101.5, 102, 102, 1));
        assertEquals(new BarViolation(7, "high", "11.0 is below open 12.0"), check(12, 11, 9, 10, 1));
        assertEquals(new BarViolation(7, "high", "11.0 is below close 11.5"), check(10, 11, 9, 11.5, 1));
        assertEquals(new BarViolation(7, "low", "10.0 is above open 9.5"), check(9.5, 12, 10, 11, 1));
        assertEquals(new BarViolation(7, "low", "10.0 is above close 9.5"), check(11, 12, 10, 9.5, 1));
    }

    @Test
    void validatesEveryCandleOfASeries() {
        OhlcvSeries series = OhlcvSeries.builder("V")
                .append(T0, 10, 12, 9, 11, 1)
                .append(T1, 10, 9, 9, 9, 1)
                .append(T1 + 3_600_000L, 10, 12, 9, 11, -1)
                .build();
        List<BarViolation> violations = BarValidator.validate(series);
        assertEquals(List.of(new BarViolation(1, "high", "9.0 is below open 10.0"),
                new BarViolation(2, "volume", "-1.0 is negative")), violations);
        assertEquals(List.of(), BarValidator.validate(series.slice(0, 1)));
    }
}
