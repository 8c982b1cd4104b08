package dev.candela.core.csv;

import dev.candela.core.data.Gap;
import dev.candela.core.data.OhlcvSeries;
import dev.candela.core.data.SharedData;
import dev.candela.core.data.Timeframe;
import dev.candela.spi.PriceField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OhlcvCsvReaderTest {
    private static final long T0 = Instant.parse("2021-03-01T00:00:00Z").toEpochMilli();
    private static final long H = 3_600_000L;

    private static CsvReadResult read(String text) throws IOException {
        return OhlcvCsvReader.withDefaults().read(new StringReader(text), "data.csv");
    }

    private static CsvReadResult read(OhlcvCsvReader reader, String text) throws IOException {
        return reader.read(new StringReader(text), "data.csv");
    }

    private static double[] column(OhlcvSeries series, PriceField field) {
        return series.column(field).toArray();
    }

    @Test
    void readsCandelasLayoutWithIsoTimes() throws IOException {
        CsvReadResult result = read("timestamp,open,high,low,close,volume\n"
                + "2021-03-01T00:00:00Z,8333.98,8432.51,8312.0,8383.11,1189.651658\n"
                + "2021-03-01T01:00:00Z,8383.11,8718.0,8372.69,8625.0,2086.817085\n");
        OhlcvSeries series = result.series();
        assertArrayEquals(new long[] {T0, T0 + H}, series.timestamps().toArray());
        assertArrayEquals(new double[] {8333.98, 8383.11}, column(series, PriceField.OPEN));
        assertArrayEquals(new double[] {8432.51, 8718.0}, column(series, PriceField.HIGH));
        assertArrayEquals(new double[] {8312.0, 8372.69}, column(series, PriceField.LOW));
        assertArrayEquals(new double[] {8383.11, 8625.0}, column(series, PriceField.CLOSE));
        assertArrayEquals(new double[] {1189.651658, 2086.817085}, column(series, PriceField.VOLUME));
        assertEquals("data", series.symbol());
        assertEquals(Optional.of(Timeframe.H1), series.timeframe());
        assertFalse(series.isLastIncomplete());
        assertEquals(CsvFormat.CANDELA, result.report().format());
        assertEquals(2, result.report().rows());
        assertTrue(result.report().allRowsValid());
    }

    @Test
    void readsSpaceSeparatedDateTimesAsUtc() throws IOException {
        OhlcvSeries series = read("timestamp,open,high,low,close,volume\n"
                + "2021-03-01 00:00:00,1,2,0.5,1.5,3\n2021-03-01 01:00:00,1,2,0.5,1.5,3\n").series();
        assertArrayEquals(new long[] {T0, T0 + H}, series.timestamps().toArray());
    }

    @Test
    void readsEpochSecondsAndMillisecondsByMagnitude() throws IOException {
        String seconds = "timestamp,open,high,low,close,volume\n1614556800,1,2,0.5,1.5,3\n1614560400,1,2,0.5,1.5,3\n";
        String millis = "timestamp,open,high,low,close,volume\n1614556800000,1,2,0.5,1.5,3\n1614560400000,1,2,0.5,1.5,3\n";
        assertArrayEquals(new long[] {T0, T0 + H}, read(seconds).series().timestamps().toArray());
        assertArrayEquals(new long[] {T0, T0 + H}, read(millis).series().timestamps().toArray());
    }

    @Test
    void mapsHeaderColumnsByNameInAnyOrderAndCase() throws IOException {
        OhlcvSeries series = read("Volume,Close,Low,High,Open,Time,Trades\n3,1.5,0.5,2,1,2021-03-01T00:00:00Z,17\n")
                .series();
        assertEquals(T0, series.timestamp(0));
        assertEquals(1.0, series.column(PriceField.OPEN).get(0));
        assertEquals(2.0, series.column(PriceField.HIGH).get(0));
        assertEquals(0.5, series.column(PriceField.LOW).get(0));
        assertEquals(1.5, series.column(PriceField.CLOSE).get(0));
        assertEquals(3.0, series.column(PriceField.VOLUME).get(0));
    }

    @Test
    void readsHeaderlessSixColumnRowsAsCandelasLayout() throws IOException {
        CsvReadResult result = read("2021-03-01T00:00:00Z,1,2,0.5,1.5,3\n");
        assertEquals(CsvFormat.CANDELA, result.report().format());
        assertEquals(1, result.series().size());
    }

    @Test
    void readsBinanceKlinesInMilliseconds() throws IOException {
        CsvReadResult result = read(
                "1614556800000,45134.11,46571.00,45000.00,46284.12,3164.291,1614560399999,145261023.43,98102,1621.2,"
                        + "74408216.91,0\n"
                        + "1614560400000,46284.13,46500.00,45988.21,46111.10,2011.517,1614563999999,92912812.11,"
                        + "65220,1001.8,46281012.55,0\n");
        assertEquals(CsvFormat.BINANCE, result.report().format());
        OhlcvSeries series = result.series();
        assertArrayEquals(new long[] {T0, T0 + H}, series.timestamps().toArray());
        assertArrayEquals(new double[] {45134.11, 46284.13}, column(series, PriceField.OPEN));
        assertArrayEquals(new double[] {46571.00, 46500.00}, column(series, PriceField.HIGH));
        assertArrayEquals(new double[] {3164.291, 2011.517}, column(series, PriceField.VOLUME));
    }

    @Test
    void readsBinanceSpotKlinesInMicroseconds() throws IOException {
        long jan1 = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();
        CsvReadResult result = read(
                "1735689600000000,93576.00,93610.93,93537.50,93610.93,8.21827,1735689659999999,768978.4,1313,"
                        + "3.6,336849.6,0\n"
                        + "1735689660000000,93610.93,93652.00,93606.00,93646.01,12.34,1735689719999999,1155431.5,"
                        + "1622,6.1,571208.0,0\n");
        assertArrayEquals(new long[] {jan1, jan1 + 60_000}, result.series().timestamps().toArray());
        assertEquals(Optional.of(Timeframe.M1), result.series().timeframe());
    }

    @Test
    void readsBinanceFilesWithAHeader() throws IOException {
        CsvReadResult result = read("open_time,open,high,low,close,volume,close_time,quote_volume,count,"
                + "taker_buy_volume,taker_buy_quote_volume,ignore\n"
                + "1614556800000,1,2,0.5,1.5,3,1614560399999,4.5,10,1,1.5,0\n");
        assertEquals(CsvFormat.BINANCE, result.report().format());
        assertEquals(T0, result.series().timestamp(0));
    }

    @Test
    void readsYahooDownloadsIgnoringAdjustedClose() throws IOException {
        CsvReadResult result = read("Date,Open,High,Low,Close,Adj Close,Volume\n"
                + "2014-09-17,465.864014,468.174011,452.421997,457.334015,457.334015,21056800\n"
                + "2014-09-18,456.859985,456.859985,413.104004,424.440002,424.440002,34483200\n");
        assertEquals(CsvFormat.YAHOO, result.report().format());
        OhlcvSeries series = result.series();
        assertEquals(Instant.parse("2014-09-17T00:00:00Z").toEpochMilli(), series.timestamp(0));
        assertArrayEquals(new double[] {457.334015, 424.440002}, column(series, PriceField.CLOSE));
        assertArrayEquals(new double[] {21056800, 34483200}, column(series, PriceField.VOLUME));
        assertEquals(Optional.of(Timeframe.D1), series.timeframe());
    }

    @Test
    void anExplicitFormatOverridesDetection() throws IOException {
        // Seven headerless columns look like Candela's layout with an extra column; as Yahoo, volume is the 7th.
        String text = "2014-09-17,1,2,0.5,1.5,1.4,999\n";
        assertEquals(1.4, read(text).series().column(PriceField.VOLUME).get(0));
        OhlcvCsvReader yahoo = OhlcvCsvReader.builder().format(CsvFormat.YAHOO).build();
        CsvReadResult result = read(yahoo, text);
        assertEquals(999.0, result.series().column(PriceField.VOLUME).get(0));
        assertEquals(CsvFormat.YAHOO, result.report().format());
    }

    @Test
    void toleratesByteOrderMarkCrLfBlankLinesQuotesAndBlanksAroundNumbers() throws IOException {
        CsvReadResult result = read("\uFEFF\"timestamp\",\"open\",high,low,close,volume\r\n\r\n"
                + "2021-03-01T00:00:00Z, 1 ,\"2\",0.5,1.5,3\r\n"
                + "   \r\n"
                + "2021-03-01T01:00:00Z,1,2,0.5,1.5,3");
        assertEquals(2, result.series().size());
        assertEquals(2, result.report().rows());
        assertEquals(1.0, result.series().column(PriceField.OPEN).get(0));
        assertEquals(2.0, result.series().column(PriceField.HIGH).get(0));
    }

    @Test
    void readsEmptyInputAndHeaderOnlyInputAsEmptySeries() throws IOException {
        assertEquals(0, read("").series().size());
        CsvReadResult headerOnly = read("timestamp,open,high,low,close,volume\n");
        assertEquals(0, headerOnly.series().size());
        assertEquals(0, headerOnly.report().rows());
        assertEquals(Optional.empty(), headerOnly.series().timeframe());
    }

    @Test
    void optionsSetSymbolTimeframeAndIncompleteLastCandle() throws IOException {
        OhlcvCsvReader reader = OhlcvCsvReader.builder().symbol("BTCUSDT").timeframe(Timeframe.M30)
                .lastIncomplete(true).build();
        CsvReadResult result = read(reader, "timestamp,open,high,low,close,volume\n"
                + "2021-03-01T00:00:00Z,1,2,0.5,1.5,3\n2021-03-01T01:00:00Z,1,2,0.5,1.5,3\n");
        assertEquals("BTCUSDT", result.series().symbol());
        assertEquals(Optional.of(Timeframe.M30), result.series().timeframe());
        assertTrue(result.series().isLastIncomplete());
        // Measured in half hours, the two hourly candles have one candle missing between them.
        assertEquals(List.of(new Gap(T0, T0 + H, 1)), result.report().gaps().gaps());
    }

    @Test
    void skipPolicyLeavesBadRowsOutAndReportsEach() throws IOException {
        OhlcvCsvReader reader = OhlcvCsvReader.builder().policy(InvalidRowPolicy.SKIP).build();
        CsvReadResult result = read(reader, "timestamp,open,high,low,close,volume\n"
                + "2021-03-01T00:00:00Z,1,2,0.5,1.5,3\n"
                + "2021-03-01T01:00:00Z,1,oops,0.5,1.5,3\n"
                + "2021-03-01T02:00:00Z,1,2,0.5,1.5,3\n"
                + "2021-03-01T02:00:00Z,1,2,0.5,1.5,3\n"
                + "2021-03-01T03:00:00Z,1,2,0.5,1.5\n"
                + "2021-03-01T04:00:00Z,1,2,0.5,1.5,3\n"
                + "2021-03-01T05:00:00Z,1,2,0.5,1.5,3\n"
                + "2021-03-01T06:00:00Z,1,2,0.5,1.5,3\n"
                + "2021-03-01T07:00:00Z,1,2,0.5,1.5,3\n");
        assertArrayEquals(new long[] {T0, T0 + 2 * H, T0 + 4 * H, T0 + 5 * H, T0 + 6 * H, T0 + 7 * H},
                result.series().timestamps().toArray());
        ValidationReport report = result.report();
        assertEquals(9, report.rows());
        assertEquals(3, report.skippedRows());
        assertFalse(report.allRowsValid());
        assertEquals(List.of(
                new RowError("data.csv", 3, "high", "'oops' is not a number"),
                new RowError("data.csv", 5, "timestamp", "2021-03-01T02:00:00Z repeats the previous row's timestamp"),
                new RowError("data.csv", 6, "volume", "missing field: the row has 5 columns but needs 6")),
                report.errors());
        // The skipped hours leave holes, which the gap report shows.
        assertEquals(List.of(new Gap(T0, T0 + 2 * H, 1), new Gap(T0 + 2 * H, T0 + 4 * H, 1)), report.gaps().gaps());
        String summary = report.summary();
        assertTrue(summary.startsWith("data.csv: 9 rows read as CANDELA, 3 skipped, 2 gaps with 2 missing candles of 1h"),
                summary);
        assertTrue(summary.contains("skipped data.csv:3: column 'high': 'oops' is not a number"), summary);
    }

    @Test
    void skipPolicyComparesWithTheLastAcceptedRow() throws IOException {
        OhlcvCsvReader reader = OhlcvCsvReader.builder().policy(InvalidRowPolicy.SKIP).build();
        CsvReadResult result = read(reader, "timestamp,open,high,low,close,volume\n"
                + "2021-03-01T00:00:00Z,1,2,0.5,1.5,3\n"
                + "2021-03-01T05:00:00Z,1,0.1,0.5,1.5,3\n"
                + "2021-03-01T01:00:00Z,1,2,0.5,1.5,3\n");
        // The 05:00 row was rejected, so 01:00 follows 00:00 and is accepted.
        assertArrayEquals(new long[] {T0, T0 + H}, result.series().timestamps().toArray());
    }

    @Test
    void keepsOnlyTheFirstErrorsButCountsAll() throws IOException {
        StringBuilder text = new StringBuilder("timestamp,open,high,low,close,volume\n");
        for (int i = 0; i < 50; i++) {
            text.append(String.format("2021-03-01T%02d:00:00Z,1,2,0.5,1.5,-1%n", i % 24));
        }
        OhlcvCsvReader reader = OhlcvCsvReader.builder().policy(InvalidRowPolicy.SKIP).maxRecordedErrors(10).build();
        ValidationReport report = read(reader, text.toString()).report();
        assertEquals(50, report.skippedRows());
        assertEquals(10, report.errors().size());
        assertEquals(11, report.errors().get(9).line());
    }

    @Test
    void streamsALongInputThroughTheScannerBuffer() throws IOException {
        int rows = 300_000;
        Reader generated = new GeneratedCandles(rows);
        CsvReadResult result = OhlcvCsvReader.withDefaults().read(generated, "long.csv");
        OhlcvSeries series = result.series();
        assertEquals(rows, series.size());
        assertEquals(rows, series.column(PriceField.CLOSE).array().length);
        for (int i : new int[] {0, 1, 4_095, 4_096, 150_001, rows - 1}) {
            assertEquals(GeneratedCandles.time(i), series.timestamp(i));
            assertEquals(GeneratedCandles.close(i), series.column(PriceField.CLOSE).get(i), "row " + i);
        }
        assertTrue(result.report().gaps().isEmpty());
    }

    @Test
    void readsFilesAndNamesTheSymbolAfterTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ETHUSDT-1h.csv");
        Files.writeString(file, "timestamp,open,high,low,close,volume\n2021-03-01T00:00:00Z,1,2,0.5,1.5,3\n");
        CsvReadResult result = OhlcvCsvReader.withDefaults().read(file);
        assertEquals("ETHUSDT-1h", result.series().symbol());
        assertEquals("ETHUSDT-1h.csv", result.report().file());
    }

    @Test
    void readsEveryRealDataFileWithoutRejectingARow() throws IOException {
        String[] files = {SharedData.BTC_1H, SharedData.ETH_1H, SharedData.BTC_1M, SharedData.ETH_1M,
                SharedData.BTC_1D_YAHOO};
        int[] rows = {62_482, 45_344, 66_087, 66_087, 3_505};
        Timeframe[] timeframes = {Timeframe.H1, Timeframe.H1, Timeframe.M1, Timeframe.M1, Timeframe.D1};
        for (int f = 0; f < files.length; f++) {
            CsvReadResult result = OhlcvCsvReader.withDefaults().read(SharedData.file(files[f]));
            assertEquals(rows[f], result.series().size(), files[f]);
            assertEquals(rows[f], result.report().rows(), files[f]);
            assertTrue(result.report().allRowsValid(), files[f]);
            assertEquals(Optional.of(timeframes[f]), result.series().timeframe(), files[f]);
        }
    }

    @Test
    void reportsTheGapsOfTheRealFilesAsTheDataReadmeLists() throws IOException {
        ValidationReport btcHours = OhlcvCsvReader.withDefaults().read(SharedData.file(SharedData.BTC_1H)).report();
        assertEquals(25, btcHours.gaps().count());
        assertEquals(88, btcHours.gaps().missingBars());
        ValidationReport ethHours = OhlcvCsvReader.withDefaults().read(SharedData.file(SharedData.ETH_1H)).report();
        assertEquals(27, ethHours.gaps().count());
        assertEquals(127, ethHours.gaps().missingBars());
        ValidationReport btcMinutes = OhlcvCsvReader.withDefaults().read(SharedData.file(SharedData.BTC_1M)).report();
        assertEquals(List.of(new Gap(Instant.parse("2023-03-24T12:39:00Z").toEpochMilli(),
                Instant.parse("2023-03-24T14:00:00Z").toEpochMilli(), 80)), btcMinutes.gaps().gaps());
        ValidationReport ethMinutes = OhlcvCsvReader.withDefaults().read(SharedData.file(SharedData.ETH_1M)).report();
        assertEquals(btcMinutes.gaps().gaps(), ethMinutes.gaps().gaps());
    }

    /** Produces rows on demand, so that a long input never exists as a whole in memory. */
    private static final class GeneratedCandles extends Reader {
        private final int rows;
        private int next;
        private String pending = "timestamp,open,high,low,close,volume\n";
        private int pendingPos;

        GeneratedCandles(int rows) {
            this.rows = rows;
        }

        static long time(int i) {
            return 1_600_000_000_000L - 1_600_000_000_000L % 60_000 + i * 60_000L;
        }

        static double close(int i) {
            return 1000 + (i % 977) * 0.25;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (pendingPos == pending.length()) {
                if (next == rows) {
                    return -1;
                }
                double c = close(next);
                pending = time(next) + "," + c + "," + (c + 1) + "," + (c - 1) + "," + c + ",1.5\n";
                pendingPos = 0;
                next++;
            }
            int n = Math.min(length, pending.length() - pendingPos);
            pending.getChars(pendingPos, pendingPos + n, buffer, offset);
            pendingPos += n;
            return n;
        }

        @Override
        public void close() {
        }
    }
}
