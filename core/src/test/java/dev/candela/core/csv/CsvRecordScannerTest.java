package dev.candela.core.csv;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvRecordScannerTest {

    /** Each record as "line:field|field|...", with -1 marking a malformed record. */
    private static List<String> scan(String text, int bufferSize) throws IOException {
        CsvRecordScanner scanner = new CsvRecordScanner(new StringReader(text), "t.csv", bufferSize);
        List<String> records = new ArrayList<>();
        while (scanner.next()) {
            StringBuilder record = new StringBuilder().append(scanner.line()).append(':');
            for (int f = 0; f < scanner.fieldCount(); f++) {
                record.append(f == 0 ? "" : "|").append(scanner.text(f));
            }
            if (scanner.malformedField() >= 0) {
                record.append(" malformed@").append(scanner.malformedField());
            }
            records.add(record.toString());
        }
        return records;
    }

    private static final String TRICKY = "\uFEFFa,\"b,c\",\"say \"\"hi\"\"\"\r\n"
            + "\n"
            + "1,\"two\nlines\",3\r"
            + "4,,6\n"
            + "  \n"
            + "\"\",x,\"y\"\n"
            + "last,row,without newline";

    private static final List<String> TRICKY_RECORDS = List.of(
            "1:a|b,c|say \"hi\"",
            "3:1|two\nlines|3",
            "5:4||6",
            "7:|x|y",
            "8:last|row|without newline");

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5, 7, 16, 1 << 16})
    void splitsRecordsAlikeWhateverTheBufferSize(int bufferSize) throws IOException {
        assertEquals(TRICKY_RECORDS, scan(TRICKY, bufferSize));
    }

    @Test
    void reportsTextAfterAClosingQuoteAndAMissingClosingQuote() throws IOException {
        // The field's content ends at its closing quote; the stray "d" only marks it malformed.
        assertEquals(List.of("1:a|b\"c\"|e malformed@1"), scan("a,\"b\"\"c\"\"\"d,e\n", 4));
        assertEquals(List.of("1:a|b,c\n malformed@1"), scan("a,\"b,c\n", 4));
    }

    @Test
    void skipsBlankLinesButNotAnEmptyQuotedField() throws IOException {
        assertEquals(List.of("2:"), scan("\n\"\"\n\n", 8));
        assertFalse(new CsvRecordScanner(new StringReader(""), "t.csv").next());
    }

    @Test
    void handlesManyFieldsAndLongRecords() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            text.append(i == 0 ? "" : ",").append("field").append(i);
        }
        CsvRecordScanner scanner = new CsvRecordScanner(new StringReader(text + "\n"), "t.csv", 4);
        assertTrue(scanner.next());
        assertEquals(100, scanner.fieldCount());
        assertEquals("field99", scanner.text(99));
        assertEquals(text.length() + 1, scanner.recordLength());
    }

    @Test
    void refusesARecordLongerThanTheLimit() {
        CsvRecordScanner scanner = new CsvRecordScanner(new StringReader("x".repeat(CsvRecordScanner.MAX_RECORD_LENGTH + 1)),
                "huge.csv", 1 << 20);
        CsvDataException error = assertThrows(CsvDataException.class, scanner::next);
        assertEquals("huge.csv", error.file());
        assertEquals(1, error.line());
    }
}
