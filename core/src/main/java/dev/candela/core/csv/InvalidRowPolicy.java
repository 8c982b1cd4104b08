package dev.candela.core.csv;

/** What {@link OhlcvCsvReader} does with a row that breaks a rule. */
public enum InvalidRowPolicy {
    /** Stop at the first bad row with a {@link CsvDataException}. */
    FAIL,
    /** Leave the row out, note it in the {@link ValidationReport}, and go on. */
    SKIP
}
