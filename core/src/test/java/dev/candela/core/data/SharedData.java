package dev.candela.core.data;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the real market data shared by the project's tests: a directory {@code shared/data} next to the
 * repository (or inside it), searched for upwards from the working directory. Tests that need it are
 * skipped, not failed, where it is absent.
 */
public final class SharedData {
    public static final String BTC_1H = "btcusdt-1h-binance-2018-2025.csv";
    public static final String ETH_1H = "ethusdt-1h-binance-2017-2022.csv";
    public static final String BTC_1M = "btcusdt-1m-binance-2023-03-16_2023-05-01.csv";
    public static final String ETH_1M = "ethusdt-1m-binance-2023-03-16_2023-05-01.csv";
    public static final String BTC_1D_YAHOO = "btcusd-1d-yahoo-2014-2024.csv";

    private SharedData() {
    }

    /** The data directory, if it can be found. */
    public static Optional<Path> directory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path parent = dir.getParent();
            if (parent != null && Files.isDirectory(parent.resolve("shared").resolve("data"))) {
                return Optional.of(parent.resolve("shared").resolve("data"));
            }
            if (Files.isDirectory(dir.resolve("shared").resolve("data"))) {
                return Optional.of(dir.resolve("shared").resolve("data"));
            }
        }
        return Optional.empty();
    }

    /** A data file; skips the calling test when the data or the file is not there. */
    public static Path file(String name) {
        Optional<Path> dir = directory();
        Assumptions.assumeTrue(dir.isPresent(), "shared market data (../shared/data) not found; skipping");
        Path file = dir.get().resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(file), "shared data file " + name + " not found; skipping");
        return file;
    }
}
