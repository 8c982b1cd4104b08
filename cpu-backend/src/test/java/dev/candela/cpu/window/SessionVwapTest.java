package dev.candela.cpu.window;

import dev.candela.spi.Indicator;
import dev.candela.tck.IndicatorKit;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The compliance kit plus hand-computed values for the session-anchored VWAP. */
class SessionVwapTest extends IndicatorKit {
    private static final double NaN = Double.NaN;
    private final Indicator vwap = new SessionVwap();

    @Override
    protected Indicator indicator() {
        return vwap;
    }

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    private void assertBothForms(double[] expected, HandBars bars) {
        assertArrayEquals(expected, bars.compute(vwap, vwap.bind())[0], "batch");
        assertArrayEquals(expected, bars.stream(vwap, vwap.bind())[0], "streaming");
    }

    @Test
    void restartsAtTheFirstBarOfEachUtcDay() {
        HandBars bars = new HandBars()
                .bar(at("2024-03-01T22:00:00Z"), 12, 9, 9, 1)        // tp 10
                .bar(at("2024-03-01T23:00:00Z"), 22, 18, 20, 3)      // tp 20
                .bar(at("2024-03-02T00:00:00Z"), 31, 29, 30, 2)      // tp 30, new day
                .bar(at("2024-03-02T01:00:00Z"), 41, 39, 40, 2);     // tp 40
        // day 1: 10, (10 + 60) / 4 = 17.5; day 2: 30, (60 + 80) / 4 = 35
        assertBothForms(new double[] {10, 17.5, 30, 35}, bars);
    }

    @Test
    void aSessionWithoutVolumeYetGivesTheTypicalPrice() {
        HandBars bars = new HandBars()
                .bar(at("2024-03-02T00:00:00Z"), 31, 29, 30, 0)      // tp 30, no volume
                .bar(at("2024-03-02T01:00:00Z"), 41, 39, 40, 1)      // tp 40
                .bar(at("2024-03-02T02:00:00Z"), 50, 50, 50, 3);     // tp 50
        // 30 (no volume), 40 / 1 = 40, (40 + 150) / 4 = 47.5
        assertBothForms(new double[] {30, 40, 47.5}, bars);
    }

    @Test
    void aMissingBarIsNaNAndTheSessionContinues() {
        HandBars bars = new HandBars()
                .bar(at("2024-03-02T01:00:00Z"), 41, 39, 40, 1)
                .bar(at("2024-03-02T02:00:00Z"), NaN, NaN, NaN, NaN)
                .bar(at("2024-03-02T03:00:00Z"), 61, 59, 60, 3);
        // (40 + 180) / 4 = 55
        assertBothForms(new double[] {40, NaN, 55}, bars);
    }

    @Test
    void aGapOfSeveralDaysStillStartsANewSession() {
        HandBars bars = new HandBars()
                .bar(at("2024-03-01T12:00:00Z"), 12, 9, 9, 1)
                .bar(at("2024-03-05T12:00:00Z"), 22, 18, 20, 3);
        assertBothForms(new double[] {10, 20}, bars);
    }

    @Test
    void daysBeforeTheEpochAreUtcDaysToo() {
        HandBars bars = new HandBars()
                .bar(at("1969-12-31T22:00:00Z"), 12, 9, 9, 1)
                .bar(at("1969-12-31T23:00:00Z"), 22, 18, 20, 1)
                .bar(at("1970-01-01T00:00:00Z"), 31, 29, 30, 1);
        // (10 + 20) / 2 = 15 on 1969-12-31; 30 alone on 1970-01-01
        assertBothForms(new double[] {10, 15, 30}, bars);
    }

    @Test
    void dailyBarsAreEachTheirOwnSession() {
        HandBars bars = new HandBars()
                .bar(at("2024-03-01T00:00:00Z"), 12, 9, 9, 5)
                .bar(at("2024-03-02T00:00:00Z"), 22, 18, 20, 7)
                .bar(at("2024-03-03T00:00:00Z"), 31, 29, 30, 0);
        assertBothForms(new double[] {10, 20, 30}, bars);
    }
}
