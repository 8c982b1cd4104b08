package dev.candela.core.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeframeTest {

    private static long at(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @ParameterizedTest
    @CsvSource({"1m,60000", "3m,180000", "5m,300000", "15m,900000", "30m,1800000", "1h,3600000", "2h,7200000",
            "4h,14400000", "6h,21600000", "12h,43200000", "1d,86400000", "1w,604800000"})
    void parsesEveryLabelAndPrintsItBack(String label, long millis) {
        Timeframe timeframe = Timeframe.parse(label);
        assertEquals(millis, timeframe.millis());
        assertEquals(label, timeframe.toString());
        assertEquals(label, timeframe.label());
        assertEquals(Optional.of(timeframe), Timeframe.ofMillis(millis));
    }

    @Test
    void parsesUpperCaseHoursDaysAndWeeksAndSurroundingBlanks() {
        assertEquals(Timeframe.H4, Timeframe.parse("4H"));
        assertEquals(Timeframe.D1, Timeframe.parse(" 1D "));
        assertEquals(Timeframe.W1, Timeframe.parse("1W"));
    }

    @Test
    void rejectsUnknownLabelListingTheValidOnes() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Timeframe.parse("2m"));
        assertEquals("Unknown timeframe '2m'; valid timeframes are 1m, 3m, 5m, 15m, 30m, 1h, 2h, 4h, 6h, 12h, 1d, 1w",
                error.getMessage());
    }

    @Test
    void rejectsUpperCaseMWhichExchangesUseForMonths() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Timeframe.parse("1M"));
        assertTrue(error.getMessage().contains("months are not supported"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Timeframe.parse(null));
        assertThrows(IllegalArgumentException.class, () -> Timeframe.parse(""));
    }

    @Test
    void floorsToTheOpenOfTheContainingBarOnUtcBoundaries() {
        long t = at("2021-03-01T13:47:12.345Z");
        assertEquals(at("2021-03-01T13:47:00Z"), Timeframe.M1.floor(t));
        assertEquals(at("2021-03-01T13:45:00Z"), Timeframe.M3.floor(t)); // 13:45 = 825 min, a multiple of 3
        assertEquals(at("2021-03-01T13:45:00Z"), Timeframe.M5.floor(t));
        assertEquals(at("2021-03-01T13:45:00Z"), Timeframe.M15.floor(t));
        assertEquals(at("2021-03-01T13:30:00Z"), Timeframe.M30.floor(t));
        assertEquals(at("2021-03-01T13:00:00Z"), Timeframe.H1.floor(t));
        assertEquals(at("2021-03-01T12:00:00Z"), Timeframe.H2.floor(t));
        assertEquals(at("2021-03-01T12:00:00Z"), Timeframe.H4.floor(t));
        assertEquals(at("2021-03-01T12:00:00Z"), Timeframe.H6.floor(t));
        assertEquals(at("2021-03-01T12:00:00Z"), Timeframe.H12.floor(t));
        assertEquals(at("2021-03-01T00:00:00Z"), Timeframe.D1.floor(t));
    }

    @Test
    void weeksStartOnMondayMidnightUtc() {
        // 2024-04-21 is a Sunday; its week began on Monday 2024-04-15.
        assertEquals(at("2024-04-15T00:00:00Z"), Timeframe.W1.floor(at("2024-04-21T23:59:59.999Z")));
        assertEquals(at("2024-04-22T00:00:00Z"), Timeframe.W1.floor(at("2024-04-22T00:00:00Z")));
        assertEquals(at("2024-04-22T00:00:00Z"), Timeframe.W1.floor(at("2024-04-24T10:00:00Z")));
        // Before the epoch too: 1969-12-31 (a Wednesday) belongs to the week of Monday 1969-12-29.
        assertEquals(at("1969-12-29T00:00:00Z"), Timeframe.W1.floor(at("1969-12-31T12:00:00Z")));
    }

    @Test
    void everyWeekFloorIsAMondayOverManyYears() {
        for (long t = at("2017-01-01T00:00:00Z"); t < at("2026-01-01T00:00:00Z"); t += 13 * 3_600_000L + 17) {
            long open = Timeframe.W1.floor(t);
            assertEquals(DayOfWeek.MONDAY, Instant.ofEpochMilli(open).atZone(ZoneOffset.UTC).getDayOfWeek());
            assertTrue(open <= t && t < open + Timeframe.W1.millis());
        }
    }

    @Test
    void floorsTimesBeforeTheEpochDownwards() {
        assertEquals(at("1969-12-31T23:00:00Z"), Timeframe.H1.floor(at("1969-12-31T23:30:00Z")));
        assertTrue(Timeframe.H1.isAligned(at("1969-12-31T23:00:00Z")));
        assertFalse(Timeframe.H1.isAligned(at("1969-12-31T23:00:01Z")));
    }

    @Test
    void knowsWhichTimeframesAreMultiplesOfOthers() {
        assertTrue(Timeframe.H1.isMultipleOf(Timeframe.M1));
        assertTrue(Timeframe.H1.isMultipleOf(Timeframe.M3));
        assertTrue(Timeframe.H1.isMultipleOf(Timeframe.H1));
        assertTrue(Timeframe.W1.isMultipleOf(Timeframe.D1));
        assertTrue(Timeframe.W1.isMultipleOf(Timeframe.H6));
        assertTrue(Timeframe.D1.isMultipleOf(Timeframe.H4));
        assertFalse(Timeframe.M5.isMultipleOf(Timeframe.M3));
        assertFalse(Timeframe.H6.isMultipleOf(Timeframe.H4));
        assertFalse(Timeframe.M1.isMultipleOf(Timeframe.H1));
    }

    @Test
    void detectsTheTimeframeFromTheMostCommonStepDespiteGaps() {
        long h = Timeframe.H1.millis();
        long[] times = {0, h, 2 * h, 5 * h, 6 * h, 10 * h, 11 * h};
        assertEquals(Optional.of(Timeframe.H1), Timeframe.detect(LongColumn.of(times)));
        assertEquals(Optional.empty(), Timeframe.detect(LongColumn.of(new long[] {0})));
        assertEquals(Optional.empty(), Timeframe.detect(LongColumn.of(new long[] {0, 7_000, 14_000})));
    }
}
