package dev.candela.core.csv;

import dev.candela.core.data.LongColumn;
import dev.candela.spi.Column;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CsvTableWriterTest {
    private static final long T0 = Instant.parse("2021-03-01T00:00:00Z").toEpochMilli();

    @Test
    void quotesHeaderFieldsAsRfc4180RequiresAndFormatsRows() throws IOException {
        StringWriter out = new StringWriter();
        try (CsvTableWriter writer = CsvTableWriter.open(out,
                List.of("sma(20)", "macd(12,26,9).signal", "say \"hi\"", "two\nlines"))) {
            writer.writeRow(T0, 8312.0, 0.1, Double.NaN, -1.0E-4);
            writer.writeRow(T0 + 3_600_123L, 2.3097485495E10, 1.0 / 3, 0, -0.0);
        }
        assertEquals("timestamp,sma(20),\"macd(12,26,9).signal\",\"say \"\"hi\"\"\",\"two\nlines\"\n"
                + "2021-03-01T00:00:00Z,8312.0,0.1,,-0.0001\n"
                + "2021-03-01T01:00:00.123Z,23097485495.0,0.3333333333333333,0.0,-0.0\n", out.toString());
    }

    @Test
    void writesValuesFromAnOffsetAndRejectsRowsOfTheWrongWidth() throws IOException {
        StringWriter out = new StringWriter();
        CsvTableWriter writer = CsvTableWriter.open(out, "time", List.of("a", "b"));
        writer.writeRow(T0, new double[] {9, 1.5, 2.5, 9}, 1);
        writer.flush();
        assertEquals("time,a,b\n2021-03-01T00:00:00Z,1.5,2.5\n", out.toString());
        assertEquals(2, writer.columnCount());
        assertThrows(IllegalArgumentException.class, () -> writer.writeRow(T0, 1.0));
        assertThrows(IndexOutOfBoundsException.class, () -> writer.writeRow(T0, new double[] {1, 2}, 1));
    }

    @Test
    void writesColumnViewsToAFileAtomically(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out").resolve("table.csv");
        double[] values = {5, 1, 2, 3, 5};
        CsvTableWriter.write(target, LongColumn.of(new long[] {T0, T0 + 60_000, T0 + 120_000}),
                List.of("x", "y,z"), List.of(Column.of(values, 1, 3), Column.of(new double[] {Double.NaN, 4, 4.5})));
        assertEquals("timestamp,x,\"y,z\"\n2021-03-01T00:00:00Z,1.0,\n2021-03-01T00:01:00Z,2.0,4.0\n"
                + "2021-03-01T00:02:00Z,3.0,4.5\n", Files.readString(target));
        try (var entries = Files.list(target.getParent())) {
            assertEquals(List.of(target), entries.toList());
        }
    }

    @Test
    void rejectsColumnsThatDoNotFitTheTimestamps(@TempDir Path dir) {
        Path target = dir.resolve("bad.csv");
        assertThrows(IllegalArgumentException.class, () -> CsvTableWriter.write(target, LongColumn.of(new long[] {T0}),
                List.of("x"), List.of(Column.of(new double[] {1, 2}))));
        assertThrows(IllegalArgumentException.class, () -> CsvTableWriter.write(target, LongColumn.of(new long[] {T0}),
                List.of("x", "y"), List.of(Column.of(new double[] {1}))));
        assertFalse(Files.exists(target));
    }
}
