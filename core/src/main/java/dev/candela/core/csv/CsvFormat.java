package dev.candela.core.csv;

/** The CSV layouts {@link OhlcvCsvReader} understands. */
public enum CsvFormat {
    /** Tell the layout from the first line: its header, or for data without a header the number of columns. */
    AUTO,
    /**
     * Candela's own layout, also what most tools export: a header naming {@code timestamp} (or {@code time},
     * {@code date}, {@code datetime}), {@code open}, {@code high}, {@code low}, {@code close} and
     * {@code volume} in any order and any case, other columns ignored; or, without a header, those six
     * columns in that order. Times are ISO-8601 (UTC unless a zone is given) or epoch seconds or milliseconds.
     */
    CANDELA,
    /**
     * Binance kline exports: twelve columns (open time, open, high, low, close, volume, close time, quote
     * volume, trades, taker buy base volume, taker buy quote volume, ignore), usually without a header.
     * Open times are epoch milliseconds, or microseconds in spot files since 2025; both are recognised
     * by magnitude.
     */
    BINANCE,
    /**
     * Yahoo Finance downloads: {@code Date,Open,High,Low,Close,Adj Close,Volume} with dates as
     * {@code yyyy-MM-dd}. {@code Adj Close} is ignored; Yahoo's {@code null} rows are data errors.
     */
    YAHOO
}
