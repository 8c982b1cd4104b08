/**
 * Candle files: reading CSV into {@link dev.candela.core.data.OhlcvSeries} with validation
 * ({@link dev.candela.core.csv.OhlcvCsvReader}), and writing candles and indicator tables back
 * ({@link dev.candela.core.csv.OhlcvCsvWriter}, {@link dev.candela.core.csv.CsvTableWriter}).
 *
 * <p>Three layouts are read, detected from the first line: Candela's own
 * {@code timestamp,open,high,low,close,volume}, Binance kline exports and Yahoo Finance downloads.
 * Reading streams the file once through a reusable buffer into primitive arrays, so memory stays close
 * to the size of the columns themselves whatever the file's length. Every rejected value is reported
 * with the file, the line and the column, e.g. {@code data.csv:17: column 'high': 101.5 is below low 102.0}.
 * Writing follows RFC 4180 and is atomic.
 */
package dev.candela.core.csv;
