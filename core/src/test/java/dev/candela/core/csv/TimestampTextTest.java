package dev.candela.core.csv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimestampTextTest {
    private static final long MARCH_1 = Instant.parse("2021-03-01T00:00:00Z").toEpochMilli();

    @ParameterizedTest
    @ValueSource(strings = {"2021-03-01T00:00:00Z", "2021-03-01 00:00:00", "2021-03-01T00:00:00", "2021-03-01",
            "2021-03-01T00:00Z", "2021-03-01t00:00:00z", "2021-03-01T00:00:00.000Z", "2021-03-01T01:00:00+01:00",
            "2021-03-01T01:30:00+0130", "2021-02-28T19:00:00-05", "1614556800", "1614556800000", "1614556800000000",
            "1614556800000000000", "  2021-03-01T00:00:00Z  "})
    void readsEveryAcceptedSpellingOfOneInstant(String text) {
        assertEquals(MARCH_1, TimestampText.parse(text));
    }

    @Test
    void keepsFractionsToTheMillisecond() {
        assertEquals(MARCH_1 + 123, TimestampText.parse("2021-03-01T00:00:00.123Z"));
        assertEquals(MARCH_1 + 500, TimestampText.parse("2021-03-01T00:00:00.5Z"));
        assertEquals(MARCH_1 + 123, TimestampText.parse("2021-03-01T00:00:00.123999Z"));
        assertEquals(MARCH_1 + 123, TimestampText.parse("1614556800123456"));
    }

    @Test
    void toldEpochUnitsApartByMagnitude() {
        assertEquals(99_999_999_999_000L, TimestampText.parse("99999999999")); // seconds, the year 5138
        assertEquals(100_000_000_000L, TimestampText.parse("100000000000")); // milliseconds, 1973
        assertEquals(0, TimestampText.parse("0"));
        assertEquals(-1_000, TimestampText.parse("-1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "timestamp", "2021-13-01", "2021-02-29", "2021-04-31", "2021-03-01T24:00:00Z",
            "2021-03-01T23:60:00Z", "2021-03-01T00:00:60Z", "2021-03-01X00:00", "2021-03-01T00:00:00Q",
            "2021-03-01T00:00:00+1", "2021-03-01T00:00:00.Z", "2021/03/01", "1e9", "12345678901234567890", "-",
            "2021-03-01T00:00:00Z junk"})
    void rejectsTextThatIsNoTimestamp(String text) {
        assertEquals(TimestampText.INVALID, TimestampText.parse(text));
    }

    @Test
    void acceptsLeapDays() {
        assertEquals(Instant.parse("2024-02-29T00:00:00Z").toEpochMilli(), TimestampText.parse("2024-02-29"));
        assertEquals(Instant.parse("2000-02-29T00:00:00Z").toEpochMilli(), TimestampText.parse("2000-02-29"));
        assertEquals(TimestampText.INVALID, TimestampText.parse("1900-02-29"));
    }

    @Test
    void formatsAsInstantDoesAndReadsItsOwnOutputBack() {
        SplittableRandom random = new SplittableRandom(5);
        long min = Instant.parse("0001-01-01T00:00:00Z").toEpochMilli();
        long max = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
        for (int i = 0; i < 20_000; i++) {
            long t = random.nextLong(min, max);
            if (i % 3 == 0) {
                t -= Math.floorMod(t, 1000); // whole seconds, printed without a fraction
            }
            String text = TimestampText.format(t);
            assertEquals(Instant.ofEpochMilli(t).toString(), text);
            assertEquals(t, TimestampText.parse(text));
        }
    }

    @Test
    void countsDaysAsJavaTimeDoes() {
        for (LocalDate day = LocalDate.of(1599, 12, 1); day.isBefore(LocalDate.of(2401, 3, 1)); day = day.plusDays(13)) {
            assertEquals(day.toEpochDay(), TimestampText.daysFromCivil(day.getYear(), day.getMonthValue(),
                    day.getDayOfMonth()));
        }
    }

    @Test
    void formatsYearsBeyondFourDigitsAsInstantDoes() {
        long far = Instant.parse("+12345-01-01T00:00:00Z").toEpochMilli();
        assertEquals("+12345-01-01T00:00:00Z", TimestampText.format(far));
    }
}
