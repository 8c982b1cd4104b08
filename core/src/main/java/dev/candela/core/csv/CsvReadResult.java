package dev.candela.core.csv;

import dev.candela.core.data.OhlcvSeries;

import java.util.Objects;

/**
 * What {@link OhlcvCsvReader#read} produced: the candles, and the report of what was checked, skipped
 * and found missing.
 */
public record CsvReadResult(OhlcvSeries series, ValidationReport report) {

    public CsvReadResult {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(report, "report");
    }
}
