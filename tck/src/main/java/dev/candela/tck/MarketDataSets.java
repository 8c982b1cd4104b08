package dev.candela.tck;

import dev.candela.core.csv.OhlcvCsvReader;
import dev.candela.core.data.OhlcvSeries;
import dev.candela.core.data.Timeframe;
import dev.candela.core.market.SyntheticMarket;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The data the compliance kits run on: the real market files in {@code shared/data} beside the project
 * (when present) and small seeded synthetic series. Loaded once per JVM.
 */
public final class MarketDataSets {
    private static final int SYNTHETIC_BARS = 2_000;
    private static volatile List<OhlcvSeries> real;
    private static volatile List<OhlcvSeries> synthetic;

    private MarketDataSets() {
    }

    /** The folder {@code shared/data}, looked up from the working directory upwards. */
    public static Optional<Path> sharedDataDirectory() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            for (Path candidate : List.of(dir.resolve("shared/data"), dir.resolveSibling("shared").resolve("data"))) {
                if (Files.isDirectory(candidate)) {
                    return Optional.of(candidate);
                }
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }

    /** Every CSV file of {@code shared/data}, in name order; empty when the folder is absent. */
    public static List<OhlcvSeries> real() {
        List<OhlcvSeries> r = real;
        if (r == null) {
            synchronized (MarketDataSets.class) {
                if (real == null) {
                    real = loadReal();
                }
                r = real;
            }
        }
        return r;
    }

    private static List<OhlcvSeries> loadReal() {
        Optional<Path> dir = sharedDataDirectory();
        if (dir.isEmpty()) {
            return List.of();
        }
        List<OhlcvSeries> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.get())) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList()) {
                out.add(OhlcvCsvReader.withDefaults().readSeries(f).withSymbol(f.getFileName().toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.get(), e);
        }
        return List.copyOf(out);
    }

    /**
     * Nine aligned seeded synthetic symbols of {@value #SYNTHETIC_BARS} hourly bars: more than twice the
     * four lanes that batch kernels interleave, plus a remainder.
     */
    public static List<OhlcvSeries> syntheticSymbols() {
        List<OhlcvSeries> s = synthetic;
        if (s == null) {
            synchronized (MarketDataSets.class) {
                if (synthetic == null) {
                    synthetic = SyntheticMarket.builder().seed(20240601L).symbols("KIT-A", "KIT-B", "KIT-C", "KIT-D", "KIT-E", "KIT-F", "KIT-G", "KIT-H", "KIT-I")
                            .timeframe(Timeframe.parse("1h")).bars(SYNTHETIC_BARS).build().generateSeries();
                }
                s = synthetic;
            }
        }
        return s;
    }

    /** One seeded synthetic series. */
    public static OhlcvSeries synthetic() {
        return syntheticSymbols().get(0);
    }

    /** The real files, or three of the synthetic symbols where none are present. */
    public static List<OhlcvSeries> realOrSynthetic() {
        List<OhlcvSeries> r = real();
        return r.isEmpty() ? syntheticSymbols().subList(0, 3) : r;
    }
}
