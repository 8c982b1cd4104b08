package dev.candela.core.features;

import dev.candela.core.data.LongColumn;
import dev.candela.core.data.Timeframe;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeframeMergeTest {

    private static LongColumn times(Timeframe tf, long start, int... steps) {
        long[] t = new long[steps.length];
        for (int i = 0; i < steps.length; i++) {
            t[i] = start + steps[i] * tf.millis();
        }
        return LongColumn.of(t);
    }

    private static LongColumn hours(int... offsets) {
        return times(Timeframe.H1, Bars.T0, offsets);
    }

    @Test
    void fourHourCandleFirstAppearsOnTheHourBarOpeningThreeHoursAfterItsOpen() {
        // 4h candles 00:00, 04:00, 08:00 attach at 03:00, 07:00 and 11:00; the last never shows on bars 00..09.
        int[] known = TimeframeMerge.knownCandles(hours(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), Timeframe.H1,
                times(Timeframe.H4, Bars.T0, 0, 1, 2), Timeframe.H4);
        assertArrayEquals(new int[] {-1, -1, -1, 0, 0, 0, 0, 1, 1, 1}, known);
    }

    @Test
    void gapInTheBaseDataDelaysACandleToTheFirstBarAfterTheGap() {
        // Hours 03, 04 and 09..11 are missing. Candle 00:00 (bars 00-02) attaches at 03:00 -> first bar 05:00;
        // candle 04:00 (05-07) at 07:00; candle 08:00 (just bar 08) at 11:00 -> first bar 12:00.
        int[] known = TimeframeMerge.knownCandles(hours(0, 1, 2, 5, 6, 7, 8, 12, 13), Timeframe.H1,
                times(Timeframe.H4, Bars.T0, 0, 1, 2, 3), Timeframe.H4);
        assertArrayEquals(new int[] {-1, -1, -1, 0, 0, 1, 1, 2, 2}, known);
    }

    @Test
    void gapCoveringTheAttachBarNeverShowsACandleEarly() {
        // Bars 00, 01, then 06: candle 00:00 is complete (its period ended at 04:00), and appears at 06:00,
        // the first bar whose close comes after 04:00; candle 04:00 (bars 06 only so far) is not closed.
        int[] known = TimeframeMerge.knownCandles(hours(0, 1, 6), Timeframe.H1,
                times(Timeframe.H4, Bars.T0, 0, 1), Timeframe.H4);
        assertArrayEquals(new int[] {-1, -1, 0}, known);
    }

    @Test
    void dayCandleAppearsOnTheHourBarOpeningAtTwentyThree() {
        // 50 hourly bars from Monday 00:00: day 1 attaches at row 23, day 2 at row 47, day 3 (2 bars) never.
        int[] offsets = new int[50];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = i;
        }
        int[] known = TimeframeMerge.knownCandles(hours(offsets), Timeframe.H1,
                times(Timeframe.D1, Bars.T0, 0, 1, 2), Timeframe.D1);
        int[] expected = new int[50];
        for (int i = 0; i < 50; i++) {
            expected[i] = i < 23 ? -1 : i < 47 ? 0 : 1;
        }
        assertArrayEquals(expected, known);
        assertTrue(Instant.ofEpochMilli(Bars.hour(23)).toString().endsWith("T23:00:00Z"));
    }

    @Test
    void weekCandleAppearsOnTheSundayDayBar() {
        // 2024-01-01 is a Monday: week 1 attaches to Sunday 01-07 (row 6), week 2 to 01-14 (row 13).
        int[] days = new int[15];
        for (int i = 0; i < days.length; i++) {
            days[i] = i;
        }
        int[] known = TimeframeMerge.knownCandles(times(Timeframe.D1, Bars.T0, days), Timeframe.D1,
                times(Timeframe.W1, Bars.T0, 0, 1, 2), Timeframe.W1);
        assertArrayEquals(new int[] {-1, -1, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0, 1, 1}, known);
    }

    @Test
    void unfinishedLastCandleIsNeverAttachedEvenIfPassedIn() {
        // Bars 00..05: candle 04:00 holds bars 04 and 05 only; it would attach at 07:00.
        int[] known = TimeframeMerge.knownCandles(hours(0, 1, 2, 3, 4, 5), Timeframe.H1,
                times(Timeframe.H4, Bars.T0, 0, 1), Timeframe.H4);
        assertArrayEquals(new int[] {-1, -1, -1, 0, 0, 0}, known);
    }

    @Test
    void theBaseTimeframeMapsEveryRowToItself() {
        LongColumn t = hours(0, 1, 2, 7, 8);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, TimeframeMerge.knownCandles(t, Timeframe.H1, t, Timeframe.H1));
    }

    @Test
    void gatherFillsRowsBeforeTheFirstCandleWithNaN() {
        double[] merged = TimeframeMerge.gather(new int[] {-1, -1, 0, 0, 1}, new double[] {7.5, 9.25});
        assertArrayEquals(new double[] {Double.NaN, Double.NaN, 7.5, 7.5, 9.25}, merged);
    }

    @Test
    void rejectsASmallerOrNonMultipleTimeframe() {
        LongColumn t = hours(0, 1);
        assertThrows(IllegalArgumentException.class,
                () -> TimeframeMerge.knownCandles(t, Timeframe.H1, t, Timeframe.M30));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TimeframeMerge.knownCandles(t, Timeframe.H4, t, Timeframe.H6));
        assertTrue(e.getMessage().contains("6h") && e.getMessage().contains("4h"), e.getMessage());
    }
}
