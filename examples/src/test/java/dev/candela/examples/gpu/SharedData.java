package dev.candela.examples.gpu;

import dev.candela.core.csv.OhlcvCsvReader;
import dev.candela.core.data.OhlcvSeries;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The real market files beside the project, found by walking up from the working directory. */
final class SharedData {
    static final String BTC_1M = "btcusdt-1m-binance-2023-03-16_2023-05-01.csv";
    static final String ETH_1M = "ethusdt-1m-binance-2023-03-16_2023-05-01.csv";
    static final String BTC_1H = "btcusdt-1h-binance-2018-2025.csv";
    static final String ETH_1H = "ethusdt-1h-binance-2017-2022.csv";

    private SharedData() {
    }

    private static Optional<Path> directory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : List.of(dir.resolve("shared/data"), dir.resolveSibling("shared").resolve("data"))) {
                if (Files.isDirectory(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** The folder, or the test is skipped. */
    static Path require() {
        Optional<Path> dir = directory();
        Assumptions.assumeTrue(dir.isPresent(), "shared/data not found beside the project");
        return dir.get();
    }

    /** Every CSV file, in name order; the test is skipped without the folder. */
    static List<String> files() {
        try (Stream<Path> files = Files.list(require())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OhlcvSeries read(String file) {
        try {
            return OhlcvCsvReader.withDefaults().readSeries(require().resolve(file)).withSymbol(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
