package dev.candela.core.csv;

import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every rule a row can break, each reported with the file, the 1-based line and the column. */
class OhlcvCsvReaderValidationTest {
    private static final String HEADER = "timestamp,open,high,low,close,volume\n";
    private static final String ROW_1 = "2021-03-01T00:00:00Z,100.0,101.0,99.0,100.5,10.0\n";
    private static final String ROW_2 = "2021-03-01T01:00:00Z,100.5,102.0,100.0,101.0,12.5\n";

    private static CsvDataException failure(String text) {
        return assertThrows(CsvDataException.class,
                () -> OhlcvCsvReader.withDefaults().read(new StringReader(text), "data.csv"));
    }

    /** The exception for a file whose third line is {@code badRow}. */
    private static CsvDataException failureOnLine3(String badRow) {
        return failure(HEADER + ROW_1 + badRow + "\n" + ROW_2);
    }

    private static void assertLocated(CsvDataException error, long line, String column) {
        assertEquals("data.csv", error.file());
        assertEquals(line, error.line());
        assertEquals(column, error.column());
    }

    @Test
    void reportsHighBelowLowWithFileLineAndColumn() {
        StringBuilder text = new StringBuilder(HEADER);
        for (int hour = 0; hour < 15; hour++) {
            text.append(String.format("2021-03-01T%02d:00:00Z,101.0,103.0,100.0,102.0,1.0%n", hour));
        }
        text.append("2021-03-01T15:00:00Z,102.0,101.5,102.0,102.0,1.0\n"); // line 17
        CsvDataException error = failure(text.toString());
        assertEquals("data.csv:17: column 'high': 101.5 is below low 102.0", error.getMessage());
        assertLocated(error, 17, "high");
        assertEquals("101.5 is below low 102.0", error.detail());
    }

    @Test
    void rejectsAValueThatIsNotANumber() {
        CsvDataException error = failureOnLine3("2021-03-01T00:30:00Z,100.0,abc,99.0,100.5,10.0");
        assertEquals("data.csv:3: column 'high': 'abc' is not a number", error.getMessage());
        assertLocated(error, 3, "high");
    }

    @Test
    void rejectsNaN() {
        CsvDataException error = failureOnLine3("2021-03-01T00:30:00Z,100.0,101.0,99.0,NaN,10.0");
        assertEquals("data.csv:3: column 'close': 'NaN' is not a finite number", error.getMessage());
        assertLocated(error, 3, "close");
    }

    @Test
    void rejectsInfinityWrittenOutOrByOverflow() {
        assertEquals("data.csv:3: column 'open': '-Infinity' is not a finite number",
                failureOnLine3("2021-03-01T00:30:00Z,-Infinity,101.0,99.0,100.0,10.0").getMessage());
        assertEquals("data.csv:3: column 'volume': '1e400' is not a finite number",
                failureOnLine3("2021-03-01T00:30:00Z,100.0,101.0,99.0,100.0,1e400").getMessage());
    }

    @Test
    void rejectsAMissingFieldNamingTheFirstMissingColumn() {
        CsvDataException error = failureOnLine3("2021-03-01T00:30:00Z,100.0,101.0,99.0,100.5");
        assertEquals("data.csv:3: column 'volume': missing field: the row has 5 columns but needs 6", error.getMessage());
        assertLocated(error, 3, "volume");
    }

    @Test
    void rejectsAnEmptyValue() {
        CsvDataException error = failureOnLine3("2021-03-01T00:30:00Z,100.0,,99.0,100.5,1");
        assertEquals("data.csv:3: column 'high': empty value", error.getMessage());
        assertLocated(error, 3, "high");
    }

    @Test
    void rejectsAnUnreadableTimestamp() {
        CsvDataException error = failureOnLine3("2021-02-30T00:00:00Z,100.0,101.0,99.0,100.5,1");
        assertLocated(error, 3, "timestamp");
        assertEquals("data.csv:3: column 'timestamp': '2021-02-30T00:00:00Z' is not a timestamp (expected ISO-8601"
                + " such as 2021-03-01T00:00:00Z, a date such as 2021-03-01, or epoch seconds, milliseconds or"
                + " microseconds)", error.getMessage());
    }

    @Test
    void rejectsTimestampsOutOfOrder() {
        CsvDataException error = failure(HEADER + ROW_2 + ROW_1);
        assertEquals("data.csv:3: column 'timestamp': 2021-03-01T00:00:00Z is before the previous row's timestamp"
                + " 2021-03-01T01:00:00Z", error.getMessage());
        assertLocated(error, 3, "timestamp");
    }

    @Test
    void rejectsARepeatedTimestamp() {
        CsvDataException error = failure(HEADER + ROW_1 + ROW_2 + ROW_2);
        assertEquals("data.csv:4: column 'timestamp': 2021-03-01T01:00:00Z repeats the previous row's timestamp",
                error.getMessage());
        assertLocated(error, 4, "timestamp");
    }

    @Test
    void rejectsHighBelowOpen() {
        CsvDataException error = failureOnLine3("2021-03-01T00:30:00Z,100.0,99.5,99.0,99.2,1");
        assertEquals("data.csv:3: column 'high': 99.5 is below open 100.0", error.getMessage());
        assertLocated(error, 3, "high");
    }

    @Test
    void rejectsHighBelowClose() {
        CsvDataException error = failureOnLine3("2021-03-01T00:30:00Z,99.2,99.5,99.0,100.0,1");
        assertEquals("data.csv:3: column 'high': 99.5 is below close 100.0", error.getMessage());
        assertLocated(error, 3, "high");
    }

    @Test
    void rejectsLowAboveOpen() {
        CsvDataException error = failureOnLine3("2021-03-01T00:30:00Z,99.0,101.0,99.5,100.0,1");
        assertEquals("data.csv:3: column 'low': 99.5 is above open 99.0", error.getMessage());
        assertLocated(error, 3, "low");
    }

    @Test
    void rejectsLowAboveClose() {
        CsvDataException error = failureOnLine3("2021-03-01T00:30:00Z,100.0,101.0,99.5,99.0,1");
        assertEquals("data.csv:3: column 'low': 99.5 is above close 99.0", error.getMessage());
        assertLocated(error, 3, "low");
    }

    @Test
    void rejectsANegativePrice() {
        CsvDataException error = failureOnLine3("2021-03-01T00:30:00Z,1.0,2.0,-0.5,1.5,1");
        assertEquals("data.csv:3: column 'low': -0.5 is negative", error.getMessage());
        assertLocated(error, 3, "low");
    }

    @Test
    void rejectsANegativeVolume() {
        CsvDataException error = failureOnLine3("2021-03-01T00:30:00Z,1.0,2.0,0.5,1.5,-3");
        assertEquals("data.csv:3: column 'volume': -3.0 is negative", error.getMessage());
        assertLocated(error, 3, "volume");
    }

    @Test
    void rejectsAMalformedQuotedField() {
        CsvDataException error = failureOnLine3("2021-03-01T00:30:00Z,\"1.0\"x,2.0,0.5,1.5,3");
        assertLocated(error, 3, "open");
        assertEquals("data.csv:3: column 'open': malformed quoted field: text after the closing quote, or no closing"
                + " quote", error.getMessage());
    }

    @Test
    void rejectsYahoosNullRows() {
        String yahoo = "Date,Open,High,Low,Close,Adj Close,Volume\n"
                + "2020-04-16,7116.55,7167.18,6793.82,7096.18,7096.18,52990000000\n"
                + "2020-04-17,null,null,null,null,null,null\n";
        CsvDataException error = assertThrows(CsvDataException.class,
                () -> OhlcvCsvReader.withDefaults().read(new StringReader(yahoo), "BTC-USD.csv"));
        assertEquals("BTC-USD.csv:3: column 'Open': 'null' is not a number", error.getMessage());
    }

    @Test
    void namesColumnsAsTheFileDoesAndCountsPhysicalLines() {
        // Line 1 is the header, lines 2-3 one row with a quoted line break, line 4 is blank.
        String text = "Time,Open,High,Low,Close,\"Vol, base\",note\n"
                + "2021-03-01T00:00:00Z,1,2,0.5,1.5,3,\"two\nlines\"\n"
                + "\n"
                + "2021-03-01T01:00:00Z,1,2,0.5,1.5,x,\n";
        OhlcvCsvReader reader = OhlcvCsvReader.builder().format(CsvFormat.BINANCE).build();
        CsvDataException error = assertThrows(CsvDataException.class, () -> reader.read(new StringReader(text), "f.csv"));
        assertEquals("f.csv:5: column 'Vol, base': 'x' is not a number", error.getMessage());
    }

    @Test
    void failsOnAHeaderWithoutARequiredColumn() {
        CsvDataException error = failure("timestamp,open,high,low,close\n" + ROW_1);
        assertEquals("data.csv:1: column 'volume': not found in the header timestamp,open,high,low,close",
                error.getMessage());
        assertLocated(error, 1, "volume");
    }

    @Test
    void failsWhenTheFormatCannotBeTold() {
        CsvDataException error = failure("1614556800,1,2\n");
        assertEquals("data.csv:1: cannot tell the CSV format: the first line has no header and 3 columns, but candle"
                + " data needs at least 6 (timestamp,open,high,low,close,volume)", error.getMessage());
        assertEquals(null, error.column());
    }
}
