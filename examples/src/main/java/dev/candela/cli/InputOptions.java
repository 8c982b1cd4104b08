package dev.candela.cli;

import dev.candela.core.csv.CsvFormat;
import dev.candela.core.csv.InvalidRowPolicy;
import dev.candela.core.csv.OhlcvCsvReader;
import dev.candela.core.data.OhlcvSeries;
import dev.candela.core.data.Timeframe;
import dev.candela.core.market.SyntheticMarket;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Where a command's candles come from: a CSV file, or the embedded synthetic market. */
final class InputOptions {

    @Option(names = {"-i", "--input"}, paramLabel = "FILE",
            description = "OHLCV CSV (Candela, Binance kline or Yahoo layout). Default: the embedded synthetic market.")
    Path input;

    @Option(names = "--format", paramLabel = "auto|candela|binance|yahoo", defaultValue = "auto",
            converter = FormatConverter.class, description = "CSV layout (default: ${DEFAULT-VALUE}, detected).")
    CsvFormat format;

    /** The series of {@code --input}, read strictly, or the first embedded synthetic symbol. */
    OhlcvSeries series() throws IOException {
        if (input == null) {
            return SyntheticMarket.defaultDataset().series(0);
        }
        return reader(InvalidRowPolicy.FAIL, null).readSeries(existing());
    }

    OhlcvCsvReader reader(InvalidRowPolicy policy, Timeframe timeframe) {
        OhlcvCsvReader.Builder b = OhlcvCsvReader.builder().format(format).policy(policy);
        if (timeframe != null) {
            b.timeframe(timeframe);
        }
        return b.build();
    }

    /** The input path, checked to exist. */
    Path existing() throws NoSuchFileException {
        if (input == null) {
            throw new IllegalArgumentException("--input is required");
        }
        if (!Files.isRegularFile(input)) {
            throw new NoSuchFileException(input.toString(), null, "input file not found");
        }
        return input;
    }

    /** Parses a CSV layout name. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<CsvFormat> {
        @Override
        public CsvFormat convert(String value) {
            try {
                return CsvFormat.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "unknown CSV format '" + value + "'; expected auto, candela, binance or yahoo");
            }
        }
    }
}
