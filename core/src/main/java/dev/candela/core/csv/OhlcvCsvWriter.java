package dev.candela.core.csv;

import dev.candela.core.data.OhlcvSeries;
import dev.candela.core.io.AtomicFiles;
import dev.candela.spi.PriceField;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Writes candles in Candela's CSV layout, {@code timestamp,open,high,low,close,volume}, with the
 * formatting of {@link CsvTableWriter}. What it writes, {@link OhlcvCsvReader} reads back to an equal
 * series; the symbol (the file name) and the incomplete mark of the last candle are not stored in the file.
 */
public final class OhlcvCsvWriter {
    private static final List<String> VALUE_COLUMNS = Arrays.stream(PriceField.values()).map(PriceField::key).toList();

    private OhlcvCsvWriter() {
    }

    /** Writes {@code series} to {@code target} atomically: the target is replaced only once all is written. */
    public static void write(OhlcvSeries series, Path target) throws IOException {
        AtomicFiles.writeText(target, out -> write(series, out));
    }

    /** Writes {@code series} to {@code out}, header first; {@code out} is flushed, not closed. */
    public static void write(OhlcvSeries series, Writer out) throws IOException {
        CsvTableWriter table = CsvTableWriter.open(out, VALUE_COLUMNS);
        PriceField[] fields = PriceField.values();
        double[][] columns = new double[fields.length][];
        int[] offsets = new int[fields.length];
        for (int f = 0; f < fields.length; f++) {
            columns[f] = series.column(fields[f]).array();
            offsets[f] = series.column(fields[f]).offset();
        }
        double[] row = new double[fields.length];
        for (int i = 0; i < series.size(); i++) {
            for (int f = 0; f < fields.length; f++) {
                row[f] = columns[f][offsets[f] + i];
            }
            table.writeRow(series.timestamp(i), row, 0);
        }
        table.flush();
    }
}
