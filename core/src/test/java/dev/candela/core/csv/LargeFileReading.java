package dev.candela.core.csv;

import dev.candela.core.data.OhlcvSeries;

import java.nio.file.Path;

/** Reads one CSV file and prints its row count: run in a child JVM with a small heap. */
public final class LargeFileReading {
    private LargeFileReading() {
    }

    public static void main(String[] args) throws Exception {
        OhlcvSeries s = OhlcvCsvReader.withDefaults().readSeries(Path.of(args[0]));
        System.out.println("rows=" + s.size() + " lastClose=" + s.column(dev.candela.spi.PriceField.CLOSE).get(s.size() - 1));
    }
}
