package dev.candela.core.market;

import dev.candela.core.data.OhlcvSeries;
import dev.candela.core.data.SymbolBatch;
import dev.candela.core.data.Timeframe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Generates candles that behave like a market: calm, trending and volatile spells, volatility that
 * clusters, symbols that move together, and volume that rises with the size of moves.
 *
 * <p>The model, bar by bar:
 * <ul>
 *   <li>A market-wide Markov chain switches between three regimes: <em>calm</em> (half the base volatility),
 *       <em>trending</em> (base volatility and a steady drift up or down) and <em>volatile</em> (two and a
 *       half times the base volatility). Spells last a few hundred bars on average.</li>
 *   <li>Each symbol's variance follows GARCH(1,1), {@code h = w + a e^2 + b h}, whose long-run level is
 *       the regime's, so volatility clusters within a regime and moves over to the next one gradually.</li>
 *   <li>Shocks mix a market factor shared by all symbols with the symbol's own noise
 *       ({@link Builder#marketCorrelation(double) correlation} {@code rho}): {@code z = rho m + sqrt(1 - rho^2) e}.</li>
 *   <li>A candle opens at the previous close plus a small gap; high and low are drawn from the exact
 *       distribution of the maximum and minimum of a Brownian bridge from open to close, so that
 *       {@code high >= max(open, close)} and {@code low <= min(open, close)} always hold. Prices are
 *       rounded to a tick of about five significant digits of the start price.</li>
 *   <li>Volume is a base volume scaled by the bar's absolute return and volatility, with log-normal noise.</li>
 * </ul>
 *
 * <p>Output depends only on the settings: the same seed gives the same candles, bit for bit, on every JVM
 * (random numbers come from SplitMix64 and all transcendental functions from {@link StrictMath}). Each
 * symbol draws from its own stream, so a symbol's candles do not change when symbols are added after it.
 *
 * <pre>{@code
 * SymbolBatch batch = SyntheticMarket.builder().seed(7).symbols("AAA", "BBB").timeframe(Timeframe.M5)
 *         .bars(50_000).build().generate();
 * }</pre>
 */
public final class SyntheticMarket {
    /** The seed of {@link #defaultDataset()}. */
    public static final long DEFAULT_SEED = 20_240_101L;

    private static final double MILLIS_PER_YEAR = 365.25 * 86_400_000.0;
    private static final double GARCH_ALPHA = 0.07;
    private static final double GARCH_BETA = 0.90;
    /** Drift of a trending spell per bar, as a share of the symbol's base volatility. */
    private static final double TREND_DRIFT = 0.08;
    /** Standard deviation of the open's gap from the previous close, as a share of the bar's volatility. */
    private static final double GAP_SHARE = 0.05;
    private static final double VOLUME_NOISE = 0.35;
    private static final int VOLUME_DECIMALS = 4;
    private static final int SIGNIFICANT_TICK_DIGITS = 5;

    private final long seed;
    private final List<String> symbols;
    private final Timeframe timeframe;
    private final long start;
    private final int bars;
    private final double startPrice;
    private final double annualVolatility;
    private final double marketCorrelation;
    private final double baseVolume;

    private SyntheticMarket(Builder builder) {
        this.seed = builder.seed;
        this.symbols = List.copyOf(builder.symbols);
        this.timeframe = builder.timeframe;
        this.start = builder.start;
        this.bars = builder.bars;
        this.startPrice = builder.startPrice;
        this.annualVolatility = builder.annualVolatility;
        this.marketCorrelation = builder.marketCorrelation;
        this.baseVolume = builder.baseVolume;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The data Candela uses when a command is given no input file: symbols {@code SYN-A} and {@code SYN-B},
     * hourly, 20,000 bars from 2022-01-03T00:00Z, seed {@link #DEFAULT_SEED}. Generated once per JVM.
     */
    public static SymbolBatch defaultDataset() {
        return DefaultDataset.BATCH;
    }

    /** The candles of every symbol, aligned on their common time index (there are no holes). */
    public SymbolBatch generate() {
        return SymbolBatch.align(generateSeries());
    }

    /** The candles of every symbol, one series each, in symbol order. */
    public List<OhlcvSeries> generateSeries() {
        int count = symbols.size();
        SplitMix64 market = new SplitMix64(SplitMix64.mix(seed));
        SplitMix64[] own = new SplitMix64[count];
        OhlcvSeries.Builder[] out = new OhlcvSeries.Builder[count];
        double[] volScale = new double[count];
        double[] variance = new double[count];
        double[] lastClose = new double[count];
        double baseSigma = annualVolatility * Math.sqrt(timeframe.millis() / MILLIS_PER_YEAR);
        int tickDecimals = tickDecimals(startPrice);
        double tickScale = StrictMath.pow(10, tickDecimals);
        double minimumPrice = 1 / tickScale;
        double idiosyncratic = Math.sqrt(1 - marketCorrelation * marketCorrelation);

        Regime regime = Regime.values()[(int) (market.nextDouble() * Regime.values().length)];
        int trendSign = market.nextDouble() < 0.5 ? -1 : 1;
        for (int s = 0; s < count; s++) {
            own[s] = new SplitMix64(SplitMix64.mix(seed ^ SplitMix64.mix(0x5EED_0000L + s)));
            volScale[s] = 0.75 + 0.5 * own[s].nextDouble();
            double sigma = regime.volatility * baseSigma * volScale[s];
            variance[s] = sigma * sigma;
            lastClose[s] = startPrice;
            out[s] = OhlcvSeries.builder(symbols.get(s)).timeframe(timeframe).expectedSize(bars);
        }

        for (int bar = 0; bar < bars; bar++) {
            long time = start + bar * timeframe.millis();
            double marketShock = market.nextGaussian();
            for (int s = 0; s < count; s++) {
                SplitMix64 random = own[s];
                double referenceSigma = baseSigma * volScale[s];
                double sigma = Math.sqrt(variance[s]);
                double shock = sigma * (marketCorrelation * marketShock + idiosyncratic * random.nextGaussian());
                double drift = regime == Regime.TRENDING ? trendSign * TREND_DRIFT * referenceSigma : 0;
                double logReturn = drift + shock;

                double gap = bar == 0 ? 0 : GAP_SHARE * sigma * random.nextGaussian();
                double body = logReturn - gap;
                // Extremes of a Brownian bridge from 0 to body with variance sigma^2, by inversion.
                double spreadUp = Math.sqrt(body * body - 2 * variance[s] * StrictMath.log(random.nextOpenUnit()));
                double spreadDown = Math.sqrt(body * body - 2 * variance[s] * StrictMath.log(random.nextOpenUnit()));
                double maxExcursion = (body + spreadUp) / 2;
                double minExcursion = (body - spreadDown) / 2;

                double open = lastClose[s] * StrictMath.exp(gap);
                double close = round(open * StrictMath.exp(body), tickScale, minimumPrice);
                double high = round(open * StrictMath.exp(maxExcursion), tickScale, minimumPrice);
                double low = round(open * StrictMath.exp(minExcursion), tickScale, minimumPrice);
                open = round(open, tickScale, minimumPrice);
                // Rounding is monotone, so these only guard against the last-bit behaviour of exp.
                high = Math.max(high, Math.max(open, close));
                low = Math.min(low, Math.min(open, close));

                double activity = 0.3 + 0.7 * Math.abs(logReturn) / referenceSigma + 0.5 * sigma / referenceSigma;
                double noise = StrictMath.exp(VOLUME_NOISE * random.nextGaussian() - VOLUME_NOISE * VOLUME_NOISE / 2);
                double volume = roundDecimals(baseVolume * activity * noise, VOLUME_DECIMALS);

                out[s].append(time, open, high, low, close, volume);
                lastClose[s] = close;

                double targetSigma = regime.volatility * referenceSigma;
                double omega = (1 - GARCH_ALPHA - GARCH_BETA) * targetSigma * targetSigma;
                variance[s] = omega + GARCH_ALPHA * shock * shock + GARCH_BETA * variance[s];
            }
            if (market.nextDouble() < 1.0 / regime.meanBars) {
                regime = regime.next(market.nextDouble());
                trendSign = market.nextDouble() < 0.5 ? -1 : 1;
            }
        }
        List<OhlcvSeries> series = new ArrayList<>(count);
        for (OhlcvSeries.Builder builder : out) {
            series.add(builder.build());
        }
        return series;
    }

    private static int tickDecimals(double price) {
        int magnitude = (int) Math.floor(StrictMath.log10(price));
        return Math.max(0, Math.min(8, SIGNIFICANT_TICK_DIGITS - 1 - magnitude));
    }

    private static double round(double price, double tickScale, double minimumPrice) {
        // Dividing by a power of ten gives the double nearest the decimal, which prints as that decimal.
        return Math.max(minimumPrice, Math.rint(price * tickScale) / tickScale);
    }

    private static double roundDecimals(double value, int decimals) {
        double scale = StrictMath.pow(10, decimals);
        return Math.rint(value * scale) / scale;
    }

    @Override
    public String toString() {
        return "SyntheticMarket[seed " + seed + ", " + symbols + ", " + timeframe + ", " + bars + " bars from "
                + Instant.ofEpochMilli(start) + "]";
    }

    /** The market-wide states; durations are mean spell lengths in bars. */
    private enum Regime {
        CALM(0.5, 500),
        TRENDING(1.0, 300),
        VOLATILE(2.5, 150);

        final double volatility;
        final double meanBars;

        Regime(double volatility, double meanBars) {
            this.volatility = volatility;
            this.meanBars = meanBars;
        }

        /** The regime a spell of this one gives way to, chosen by {@code u} uniform in [0, 1). */
        Regime next(double u) {
            switch (this) {
                case CALM:
                    return u < 0.6 ? TRENDING : VOLATILE;
                case TRENDING:
                    return u < 0.5 ? CALM : VOLATILE;
                default:
                    return u < 0.5 ? CALM : TRENDING;
            }
        }
    }

    /**
     * SplitMix64 (Steele, Lea and Flood, 2014): small, fast, and fully specified, so the same seed gives
     * the same numbers on every JVM, which {@link java.util.Random#nextGaussian()} does not promise.
     */
    private static final class SplitMix64 {
        private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
        private long state;
        private double spareGaussian;
        private boolean hasSpare;

        SplitMix64(long seed) {
            this.state = seed;
        }

        static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }

        long nextLong() {
            state += GOLDEN_GAMMA;
            return mix(state);
        }

        /** Uniform in [0, 1). */
        double nextDouble() {
            return (nextLong() >>> 11) * 0x1.0p-53;
        }

        /** Uniform in (0, 1], safe to take the logarithm of. */
        double nextOpenUnit() {
            return ((nextLong() >>> 11) + 1) * 0x1.0p-53;
        }

        /** Standard normal, by Marsaglia's polar method. */
        double nextGaussian() {
            if (hasSpare) {
                hasSpare = false;
                return spareGaussian;
            }
            double u;
            double v;
            double s;
            do {
                u = 2 * nextDouble() - 1;
                v = 2 * nextDouble() - 1;
                s = u * u + v * v;
            } while (s >= 1 || s == 0);
            double factor = Math.sqrt(-2 * StrictMath.log(s) / s);
            spareGaussian = v * factor;
            hasSpare = true;
            return u * factor;
        }
    }

    /** Holder so that the default data is generated on first use only. */
    private static final class DefaultDataset {
        static final SymbolBatch BATCH = builder().seed(DEFAULT_SEED).symbols("SYN-A", "SYN-B")
                .timeframe(Timeframe.H1).start(Instant.parse("2022-01-03T00:00:00Z")).bars(20_000).build()
                .generate();
    }

    /** Settings of a generator; every one has a default. */
    public static final class Builder {
        private long seed = DEFAULT_SEED;
        private List<String> symbols = List.of("SYN");
        private Timeframe timeframe = Timeframe.H1;
        private long start = Instant.parse("2020-01-06T00:00:00Z").toEpochMilli();
        private int bars = 10_000;
        private double startPrice = 100;
        private double annualVolatility = 0.6;
        private double marketCorrelation = 0.6;
        private double baseVolume = 1000;

        private Builder() {
        }

        /** Seed of all random draws; default {@link #DEFAULT_SEED}. */
        public Builder seed(long newSeed) {
            this.seed = newSeed;
            return this;
        }

        /** Symbol names, distinct; default a single {@code SYN}. */
        public Builder symbols(String... names) {
            return symbols(List.of(names));
        }

        /** Symbol names, distinct; default a single {@code SYN}. */
        public Builder symbols(List<String> names) {
            if (names.isEmpty()) {
                throw new IllegalArgumentException("At least one symbol is needed");
            }
            if (new HashSet<>(names).size() != names.size()) {
                throw new IllegalArgumentException("Symbol names must be distinct: " + names);
            }
            this.symbols = List.copyOf(names);
            return this;
        }

        /** Bar size; default {@code 1h}. */
        public Builder timeframe(Timeframe newTimeframe) {
            this.timeframe = Objects.requireNonNull(newTimeframe, "timeframe");
            return this;
        }

        /** Open time of the first bar, on a boundary of the timeframe; default 2020-01-06T00:00Z, a Monday. */
        public Builder start(Instant newStart) {
            this.start = newStart.toEpochMilli();
            return this;
        }

        /** Number of bars per symbol; default 10,000. */
        public Builder bars(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("bars must not be negative: " + count);
            }
            this.bars = count;
            return this;
        }

        /** First open of every symbol; default 100. */
        public Builder startPrice(double price) {
            if (!(price > 0) || Double.isInfinite(price)) {
                throw new IllegalArgumentException("startPrice must be positive and finite: " + price);
            }
            this.startPrice = price;
            return this;
        }

        /** Base volatility of log returns per year (the trending regime's level); default 0.6. */
        public Builder annualVolatility(double volatility) {
            if (!(volatility > 0) || volatility > 10) {
                throw new IllegalArgumentException("annualVolatility must be in (0, 10]: " + volatility);
            }
            this.annualVolatility = volatility;
            return this;
        }

        /** Loading of every symbol's shocks on the common market factor, in [0, 1); default 0.6. */
        public Builder marketCorrelation(double correlation) {
            if (!(correlation >= 0 && correlation < 1)) {
                throw new IllegalArgumentException("marketCorrelation must be in [0, 1): " + correlation);
            }
            this.marketCorrelation = correlation;
            return this;
        }

        /** Typical volume of a quiet bar; default 1000. */
        public Builder baseVolume(double volume) {
            if (!(volume > 0) || Double.isInfinite(volume)) {
                throw new IllegalArgumentException("baseVolume must be positive and finite: " + volume);
            }
            this.baseVolume = volume;
            return this;
        }

        /**
         * @throws IllegalArgumentException if the start is not on a boundary of the timeframe
         */
        public SyntheticMarket build() {
            if (!timeframe.isAligned(start)) {
                throw new IllegalArgumentException("Start " + Instant.ofEpochMilli(start) + " is not on a " + timeframe
                        + " boundary; the nearest earlier one is " + Instant.ofEpochMilli(timeframe.floor(start)));
            }
            return new SyntheticMarket(this);
        }
    }
}
