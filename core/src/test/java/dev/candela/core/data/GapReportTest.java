package dev.candela.core.data;

import dev.candela.core.csv.OhlcvCsvReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GapReportTest {
    private static final long H = Timeframe.H1.millis();

    private static long at(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    private static OhlcvSeries series(Timeframe timeframe, long... times) {
        OhlcvSeries.Builder builder = OhlcvSeries.builder("G").timeframe(timeframe);
        for (long t : times) {
            builder.append(t, 1, 1, 1, 1, 1);
        }
        return builder.build();
    }

    @Test
    void countsTheMissingCandlesBetweenNeighbours() {
        GapReport report = GapReport.of(series(Timeframe.H1, 0, H, 2 * H, 5 * H, 6 * H, 10 * H));
        assertEquals(List.of(new Gap(2 * H, 5 * H, 2), new Gap(6 * H, 10 * H, 3)), report.gaps());
        assertEquals(5, report.missingBars());
        assertEquals(2, report.count());
        assertEquals(H, report.stepMillis());
        assertEquals(Optional.of(Timeframe.H1), report.timeframe());
    }

    @Test
    void usesTheMostCommonStepWhenTheTimeframeIsUnknown() {
        GapReport report = GapReport.of(series(null, 0, H, 2 * H, 3 * H, 7 * H));
        assertEquals(List.of(new Gap(3 * H, 7 * H, 3)), report.gaps());
        assertTrue(GapReport.of(series(null, 0)).isEmpty());
        assertEquals(0, GapReport.of(series(null)).stepMillis());
    }

    @Test
    void aGivenTimeframeOverridesTheSpacingOfTheData() {
        // Two-hourly data checked as hourly misses one candle between every pair.
        GapReport report = GapReport.of(series(Timeframe.H1, 0, 2 * H, 4 * H));
        assertEquals(2, report.count());
        assertEquals(2, report.missingBars());
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new Gap(5, 5, 1));
        assertThrows(IllegalArgumentException.class, () -> new Gap(0, 5, 0));
        assertThrows(IllegalArgumentException.class, () -> GapReport.of(LongColumn.of(new long[0]), -1));
    }

    @Test
    void findsTheTwentyFiveGapsOfTheRealBtcHourlyFile() throws IOException {
        OhlcvSeries btc = OhlcvCsvReader.withDefaults().readSeries(SharedData.file(SharedData.BTC_1H));
        GapReport report = GapReport.of(btc);
        // The gap list of the data README, as last candle before, first candle after, missing hours.
        List<Gap> expected = List.of(
                gap("2018-06-26T01:00Z", "2018-06-26T12:00Z", 10),
                gap("2018-06-27T12:00Z", "2018-06-27T14:00Z", 1),
                gap("2018-07-04T00:00Z", "2018-07-04T08:00Z", 7),
                gap("2018-10-19T05:00Z", "2018-10-19T09:00Z", 3),
                gap("2018-11-14T01:00Z", "2018-11-14T09:00Z", 7),
                gap("2019-03-12T01:00Z", "2019-03-12T08:00Z", 6),
                gap("2019-05-15T02:00Z", "2019-05-15T13:00Z", 10),
                gap("2019-08-15T01:00Z", "2019-08-15T10:00Z", 8),
                gap("2019-11-13T01:00Z", "2019-11-13T04:00Z", 2),
                gap("2019-11-25T01:00Z", "2019-11-25T04:00Z", 2),
                gap("2020-02-09T01:00Z", "2020-02-09T03:00Z", 1),
                gap("2020-02-19T11:00Z", "2020-02-19T17:00Z", 5),
                gap("2020-03-04T09:00Z", "2020-03-04T11:00Z", 1),
                gap("2020-04-25T01:00Z", "2020-04-25T04:00Z", 2),
                gap("2020-06-28T01:00Z", "2020-06-28T05:00Z", 3),
                gap("2020-11-30T05:00Z", "2020-11-30T07:00Z", 1),
                gap("2020-12-21T13:00Z", "2020-12-21T18:00Z", 4),
                gap("2020-12-25T01:00Z", "2020-12-25T03:00Z", 1),
                gap("2021-02-11T03:00Z", "2021-02-11T05:00Z", 1),
                gap("2021-03-06T01:00Z", "2021-03-06T03:00Z", 1),
                gap("2021-04-20T01:00Z", "2021-04-20T04:00Z", 2),
                gap("2021-04-25T04:00Z", "2021-04-25T08:00Z", 3),
                gap("2021-08-13T01:00Z", "2021-08-13T06:00Z", 4),
                gap("2021-09-29T06:00Z", "2021-09-29T09:00Z", 2),
                gap("2023-03-24T12:00Z", "2023-03-24T14:00Z", 1));
        assertEquals(expected, report.gaps());
        assertEquals(25, report.count());
        assertEquals(88, report.missingBars());
    }

    @Test
    void findsTheTwentySevenGapsOfTheRealEthHourlyFile() throws IOException {
        OhlcvSeries eth = OhlcvCsvReader.withDefaults().readSeries(SharedData.file(SharedData.ETH_1H));
        GapReport report = GapReport.of(eth);
        assertEquals(27, report.count());
        assertEquals(127, report.missingBars());
        assertEquals(gap("2017-09-06T16:00Z", "2017-09-06T23:00Z", 6), report.gaps().get(0));
        assertEquals(gap("2018-02-08T00:00Z", "2018-02-09T10:00Z", 33), report.gaps().get(2));
    }

    @Test
    void findsTheEightyMinuteGapOfTheRealMinuteFile() throws IOException {
        OhlcvSeries btc = OhlcvCsvReader.withDefaults().readSeries(SharedData.file(SharedData.BTC_1M));
        GapReport report = GapReport.of(btc);
        // Minutes 12:40 to 13:59 are missing: 80 of them.
        assertEquals(List.of(gap("2023-03-24T12:39Z", "2023-03-24T14:00Z", 80)), report.gaps());
        assertEquals(at("2023-03-24T12:40:00Z"), report.gaps().get(0).firstMissing(report.stepMillis()));
    }

    @Test
    void theRealYahooDailyFileHasNoGaps() throws IOException {
        OhlcvSeries btc = OhlcvCsvReader.withDefaults().readSeries(SharedData.file(SharedData.BTC_1D_YAHOO));
        GapReport report = GapReport.of(btc);
        assertTrue(report.isEmpty());
        assertEquals(Optional.of(Timeframe.D1), report.timeframe());
    }

    private static Gap gap(String lastBefore, String firstAfter, long missing) {
        return new Gap(Instant.parse(lastBefore.replace("Z", ":00Z")).toEpochMilli(),
                Instant.parse(firstAfter.replace("Z", ":00Z")).toEpochMilli(), missing);
    }
}
