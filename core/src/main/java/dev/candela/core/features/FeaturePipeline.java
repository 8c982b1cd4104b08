package dev.candela.core.features;

import dev.candela.core.Candela;
import dev.candela.core.compute.ComputeBackend;
import dev.candela.core.compute.IndicatorResults;
import dev.candela.core.data.LongColumn;
import dev.candela.core.data.OhlcvSeries;
import dev.candela.core.data.Resampler;
import dev.candela.core.data.Timeframe;
import dev.candela.core.features.cache.DataFingerprint;
import dev.candela.core.features.cache.FeatureBlock;
import dev.candela.core.features.cache.FeatureCache;
import dev.candela.core.features.cache.FeatureKey;
import dev.candela.core.features.cache.Precision;
import dev.candela.core.registry.PluginRegistry;
import dev.candela.core.registry.ResolvedIndicator;
import dev.candela.core.runtime.Backend;
import dev.candela.spi.BarBatch;
import dev.candela.spi.Column;
import dev.candela.spi.IndicatorOutput;
import dev.candela.spi.PriceField;
import dev.candela.spi.Profiler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Multi-timeframe features without look-ahead: resamples the base candles to each configured timeframe,
 * computes that timeframe's indicators on the chosen {@link ComputeBackend}, and merges every output
 * back onto the base rows with {@link TimeframeMerge}'s rule, so that a base row holds exactly what is
 * known at its bar's close. The unfinished last candle of every timeframe, the base one included, is
 * left out before anything is computed.
 *
 * <pre>{@code
 * FeaturePipeline pipeline = FeaturePipeline.builder(candela)
 *         .timeframes(Timeframe.H1, Timeframe.H4, Timeframe.D1)
 *         .indicators("rsi(14),macd(12,26,9)")
 *         .weighted("rsi(14)", Map.of(Timeframe.H1, 0.5, Timeframe.H4, 0.3, Timeframe.D1, 0.2))
 *         .cache(cache)
 *         .build();
 * FeatureFrame frame = pipeline.compute(series);   // 1h:rsi(14), ..., 1d:macd(12,26,9).hist, mtf:rsi(14)
 * }</pre>
 *
 * <p>Several symbols that share a time index on a timeframe are computed as one batch. With a
 * {@link FeatureCache}, every (data, timeframe, indicator, backend, precision) is computed once and then
 * served from memory; concurrent pipelines asking for the same one wait for a single computation.
 * A pipeline is immutable and thread-safe.
 */
public final class FeaturePipeline {
    /** Name prefix of the weighted multi-timeframe columns. */
    public static final String WEIGHTED_PREFIX = "mtf";

    private final ComputeBackend compute;
    private final Timeframe baseTimeframe;
    private final List<Timeframe> timeframes;
    private final List<ResolvedIndicator> common;
    private final Map<Timeframe, List<ResolvedIndicator>> perTimeframe;
    private final List<WeightedColumn> weighted;
    private final FeatureCache cache;
    private final Precision precision;
    private final Profiler profiler;

    private FeaturePipeline(ComputeBackend compute, Timeframe baseTimeframe, List<Timeframe> timeframes,
                            List<ResolvedIndicator> common, Map<Timeframe, List<ResolvedIndicator>> perTimeframe,
                            List<WeightedColumn> weighted, FeatureCache cache, Precision precision,
                            Profiler profiler) {
        this.compute = compute;
        this.baseTimeframe = baseTimeframe;
        this.timeframes = timeframes;
        this.common = common;
        this.perTimeframe = perTimeframe;
        this.weighted = weighted;
        this.cache = cache;
        this.precision = precision;
        this.profiler = profiler;
    }

    /**
     * A builder computing on the runtime's backend, resolving specs with its plugins, in the precision its
     * configuration sets ({@link Precision#FLOAT} on the GPU backend with {@code gpu.float32}), sharing the
     * runtime's {@link FeatureCache}, timed by the runtime's {@link Profiler}.
     */
    public static Builder builder(Candela candela) {
        Objects.requireNonNull(candela, "candela");
        boolean single = candela.backend().effective() == Backend.GPU && candela.config().gpu().float32();
        return new Builder(candela.registry(), candela.compute()).precision(single ? Precision.FLOAT : Precision.DOUBLE)
                .cache(candela.get(FeatureCache.class)).profiler(candela.get(Profiler.class));
    }

    /** A builder computing on {@code compute} and resolving specs with {@code registry}. */
    public static Builder builder(PluginRegistry registry, ComputeBackend compute) {
        return new Builder(registry, compute);
    }

    /** The timeframes features are computed on, in column order; empty means the base timeframe alone. */
    public List<Timeframe> timeframes() {
        return timeframes;
    }

    /** The indicators computed on {@code timeframe}: those for every timeframe, then its own. */
    public List<ResolvedIndicator> indicators(Timeframe timeframe) {
        List<ResolvedIndicator> own = perTimeframe.getOrDefault(timeframe, List.of());
        if (own.isEmpty()) {
            return common;
        }
        Map<String, ResolvedIndicator> bySpec = new LinkedHashMap<>();
        for (ResolvedIndicator indicator : common) {
            bySpec.putIfAbsent(indicator.spec(), indicator);
        }
        for (ResolvedIndicator indicator : own) {
            bySpec.putIfAbsent(indicator.spec(), indicator);
        }
        return List.copyOf(bySpec.values());
    }

    /** Name of the backend indicators run on. */
    public String backendName() {
        return compute.name();
    }

    public Precision precision() {
        return precision;
    }

    public Optional<FeatureCache> cache() {
        return Optional.ofNullable(cache);
    }

    /** This pipeline computing everything afresh, e.g. on data that will not be seen again. */
    public FeaturePipeline withoutCache() {
        return cache == null ? this : new FeaturePipeline(compute, baseTimeframe, timeframes, common, perTimeframe,
                weighted, null, precision, profiler);
    }

    /**
     * The features of one symbol.
     *
     * @throws IllegalArgumentException when the base timeframe cannot be told, or a configured timeframe is
     *                                  not a whole multiple of it
     */
    public FeatureFrame compute(OhlcvSeries series) {
        return computeAll(List.of(Objects.requireNonNull(series, "series"))).get(0);
    }

    /**
     * The features of several symbols of one base timeframe, in the order given. Symbols whose candles on
     * a timeframe share their open times are computed as one batch.
     *
     * @throws IllegalArgumentException as {@link #compute(OhlcvSeries)}, or when the symbols' base
     *                                  timeframes differ
     */
    public List<FeatureFrame> computeAll(List<OhlcvSeries> series) {
        Profiler.Scope scope = profiler.scope("features.compute");
        try {
            return computeAllTimed(series);
        } finally {
            scope.close();
        }
    }

    private List<FeatureFrame> computeAllTimed(List<OhlcvSeries> series) {
        int symbols = series.size();
        if (symbols == 0) {
            return List.of();
        }
        OhlcvSeries[] base = new OhlcvSeries[symbols];
        Timeframe baseTf = null;
        for (int s = 0; s < symbols; s++) {
            OhlcvSeries one = Objects.requireNonNull(series.get(s), "series").completed();
            Timeframe tf = baseTimeframeOf(one);
            if (baseTf != null && tf != baseTf) {
                throw new IllegalArgumentException("symbols of one computation must share their base timeframe: "
                        + base[0].symbol() + " is " + baseTf + ", " + one.symbol() + " is " + tf);
            }
            baseTf = tf;
            base[s] = one.withTimeframe(tf);
        }
        List<Timeframe> tfs = timeframes.isEmpty() ? List.of(baseTf) : timeframes;
        for (Timeframe tf : tfs) {
            TimeframeMerge.checkHigher(baseTf, tf);
        }
        for (Timeframe tf : perTimeframe.keySet()) {
            if (!tfs.contains(tf)) {
                throw new IllegalArgumentException("indicators are configured for " + tf
                        + ", which is not computed; timeframes are " + tfs);
            }
        }
        for (WeightedColumn w : weighted) {
            for (Timeframe tf : w.weights().keySet()) {
                if (!tfs.contains(tf)) {
                    throw new IllegalArgumentException("weighted column " + w.name() + " weighs timeframe " + tf
                            + ", which is not computed; timeframes are " + tfs);
                }
            }
        }
        DataFingerprint[] fingerprints = null;
        if (cache != null) {
            fingerprints = new DataFingerprint[symbols];
            Profiler.Scope fingerprinting = profiler.scope("features.fingerprint");
            try {
                for (int s = 0; s < symbols; s++) {
                    fingerprints[s] = DataFingerprint.of(base[s]);
                }
            } finally {
                fingerprinting.close();
            }
        }
        FeatureBlock[][][] blocks = new FeatureBlock[tfs.size()][][];
        for (int t = 0; t < tfs.size(); t++) {
            Timeframe tf = tfs.get(t);
            List<ResolvedIndicator> indicators = indicators(tf);
            blocks[t] = cache == null
                    ? computeBlocks(base, baseTf, tf, indicators, all(symbols, indicators.size()))
                    : cachedBlocks(base, baseTf, tf, indicators, fingerprints);
        }
        List<FeatureFrame> frames = new ArrayList<>(symbols);
        Profiler.Scope scope = profiler.scope("features.assemble");
        try {
            for (int s = 0; s < symbols; s++) {
                frames.add(assemble(base[s], baseTf, tfs, blocks, s));
            }
        } finally {
            scope.close();
        }
        return frames;
    }

    private Timeframe baseTimeframeOf(OhlcvSeries series) {
        Optional<Timeframe> own = series.timeframe().or(() -> Timeframe.detect(series.timestamps()));
        if (baseTimeframe != null) {
            if (own.isPresent() && series.timeframe().isPresent() && own.get() != baseTimeframe) {
                throw new IllegalArgumentException(series.symbol() + " has " + own.get() + " candles, but the pipeline's"
                        + " base timeframe is " + baseTimeframe);
            }
            return baseTimeframe;
        }
        return own.orElseThrow(() -> new IllegalArgumentException("the timeframe of " + series.symbol()
                + " is unknown and cannot be told from its candles; set the pipeline's base timeframe"));
    }

    private FeatureBlock[][] cachedBlocks(OhlcvSeries[] base, Timeframe baseTf, Timeframe tf,
                                          List<ResolvedIndicator> indicators, DataFingerprint[] fingerprints) {
        int symbols = base.length;
        int count = indicators.size();
        FeatureKey[][] keys = new FeatureKey[symbols][count];
        List<FeatureKey> wanted = new ArrayList<>(symbols * count);
        for (int s = 0; s < symbols; s++) {
            for (int k = 0; k < count; k++) {
                keys[s][k] = new FeatureKey(fingerprints[s], tf, indicators.get(k).spec(), compute.name(), precision);
                wanted.add(keys[s][k]);
            }
        }
        Map<FeatureKey, FeatureBlock> found = cache.getAll(wanted, missing -> {
            boolean[][] needed = new boolean[symbols][count];
            Set<FeatureKey> claimed = new HashSet<>();
            for (int s = 0; s < symbols; s++) {
                for (int k = 0; k < count; k++) {
                    // Two symbols with identical candles share keys; compute such a key once.
                    needed[s][k] = missing.contains(keys[s][k]) && claimed.add(keys[s][k]);
                }
            }
            FeatureBlock[][] computed = computeBlocks(base, baseTf, tf, indicators, needed);
            Map<FeatureKey, FeatureBlock> out = new HashMap<>();
            for (int s = 0; s < symbols; s++) {
                for (int k = 0; k < count; k++) {
                    if (needed[s][k]) {
                        out.put(keys[s][k], computed[s][k]);
                    }
                }
            }
            return out;
        });
        FeatureBlock[][] blocks = new FeatureBlock[symbols][count];
        for (int s = 0; s < symbols; s++) {
            for (int k = 0; k < count; k++) {
                blocks[s][k] = found.get(keys[s][k]);
            }
        }
        return blocks;
    }

    /** The blocks of the needed (symbol, indicator) pairs; the others stay null. */
    private FeatureBlock[][] computeBlocks(OhlcvSeries[] base, Timeframe baseTf, Timeframe tf,
                                           List<ResolvedIndicator> indicators, boolean[][] needed) {
        int symbols = base.length;
        FeatureBlock[][] blocks = new FeatureBlock[symbols][indicators.size()];
        List<Integer> wanted = new ArrayList<>();
        for (int s = 0; s < symbols; s++) {
            if (anyTrue(needed[s])) {
                wanted.add(s);
            }
        }
        if (wanted.isEmpty()) {
            return blocks;
        }
        OhlcvSeries[] candles = new OhlcvSeries[symbols];
        int[][] known = new int[symbols][];
        Profiler.Scope resampling = profiler.scope("features.resample");
        try {
            for (int s : wanted) {
                candles[s] = tf == baseTf ? base[s] : Resampler.to(tf).resample(base[s]).series().completed();
                known[s] = TimeframeMerge.knownCandles(base[s].timestamps(), baseTf, candles[s].timestamps(), tf);
            }
        } finally {
            resampling.close();
        }
        for (List<Integer> group : groupBySharedTimes(wanted, candles)) {
            boolean[] any = new boolean[indicators.size()];
            for (int s : group) {
                for (int k = 0; k < any.length; k++) {
                    any[k] |= needed[s][k];
                }
            }
            List<ResolvedIndicator> batchIndicators = new ArrayList<>();
            List<Integer> batchIndex = new ArrayList<>();
            for (int k = 0; k < any.length; k++) {
                if (any[k]) {
                    batchIndicators.add(indicators.get(k));
                    batchIndex.add(k);
                }
            }
            OhlcvSeries[] members = new OhlcvSeries[group.size()];
            for (int g = 0; g < members.length; g++) {
                members[g] = candles[group.get(g)];
            }
            if (members[0].isEmpty()) {
                // Data shorter than one candle of this timeframe: nothing is known on it yet.
                for (int s : group) {
                    for (int k = 0; k < any.length; k++) {
                        if (needed[s][k]) {
                            blocks[s][k] = missingValues(indicators.get(k), base[s].size());
                        }
                    }
                }
                continue;
            }
            IndicatorResults results = profiler.time("features.indicators",
                    () -> compute.compute(batchIndicators, new SharedTimeBatch(members)));
            mergeOntoBase(results, group, batchIndex, needed, known, candles, base, blocks);
        }
        return blocks;
    }

    /** Puts each computed output on its symbol's base rows, where the candle it belongs to is known. */
    private void mergeOntoBase(IndicatorResults results, List<Integer> group, List<Integer> batchIndex,
                               boolean[][] needed, int[][] known, OhlcvSeries[] candles, OhlcvSeries[] base,
                               FeatureBlock[][] blocks) {
        Profiler.Scope scope = profiler.scope("features.merge");
        try {
            for (int g = 0; g < group.size(); g++) {
                int s = group.get(g);
                boolean identity = TimeframeMerge.isIdentity(known[s]) && candles[s].size() == base[s].size();
                for (int b = 0; b < batchIndex.size(); b++) {
                    int k = batchIndex.get(b);
                    if (!needed[s][k]) {
                        continue;
                    }
                    IndicatorOutput out = results.computed().get(b).output();
                    double[][] merged = new double[out.outputCount()][];
                    for (int o = 0; o < merged.length; o++) {
                        double[] values = out.array(o, g);
                        merged[o] = identity ? values : TimeframeMerge.gather(known[s], values);
                    }
                    blocks[s][k] = FeatureBlock.of(merged);
                }
            }
        } finally {
            scope.close();
        }
    }

    private static FeatureBlock missingValues(ResolvedIndicator indicator, int rows) {
        double[][] outputs = new double[indicator.indicator().outputs().size()][rows];
        for (double[] output : outputs) {
            Arrays.fill(output, Double.NaN);
        }
        return FeatureBlock.of(outputs);
    }

    /** Groups symbols whose candles open at the same times, so that each group is one batch. */
    private static List<List<Integer>> groupBySharedTimes(List<Integer> symbols, OhlcvSeries[] candles) {
        List<List<Integer>> groups = new ArrayList<>();
        for (int s : symbols) {
            List<Integer> home = null;
            for (List<Integer> group : groups) {
                if (sameTimes(candles[group.get(0)].timestamps(), candles[s].timestamps())) {
                    home = group;
                    break;
                }
            }
            if (home == null) {
                home = new ArrayList<>();
                groups.add(home);
            }
            home.add(s);
        }
        return groups;
    }

    private static boolean sameTimes(LongColumn a, LongColumn b) {
        return a.length() == b.length() && Arrays.equals(a.array(), a.offset(), a.offset() + a.length(),
                b.array(), b.offset(), b.offset() + b.length());
    }

    private FeatureFrame assemble(OhlcvSeries base, Timeframe baseTf, List<Timeframe> tfs, FeatureBlock[][][] blocks,
                                  int symbol) {
        List<String> names = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        for (int t = 0; t < tfs.size(); t++) {
            Timeframe tf = tfs.get(t);
            List<ResolvedIndicator> indicators = indicators(tf);
            for (int k = 0; k < indicators.size(); k++) {
                List<String> outputs = indicators.get(k).columnNames();
                FeatureBlock block = blocks[t][symbol][k];
                for (int o = 0; o < outputs.size(); o++) {
                    names.add(columnName(tf, outputs.get(o)));
                    columns.add(block.output(o));
                }
            }
        }
        for (WeightedColumn w : weighted) {
            double[] sum = new double[base.size()];
            double total = 0;
            for (Map.Entry<Timeframe, Double> e : w.weights().entrySet()) {
                Column part = columns.get(names.indexOf(columnName(e.getKey(), w.column())));
                double weight = e.getValue();
                double[] a = part.array();
                int off = part.offset();
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += weight * a[off + i];
                }
                total += weight;
            }
            for (int i = 0; i < sum.length; i++) {
                sum[i] /= total;
            }
            names.add(w.name());
            columns.add(Column.of(sum));
        }
        return new FeatureFrame(base, baseTf, names, columns);
    }

    /** The name of an indicator column computed on {@code timeframe}: {@code 4h:rsi(14)}. */
    public static String columnName(Timeframe timeframe, String indicatorColumn) {
        return timeframe.label() + ":" + indicatorColumn;
    }

    private static boolean[][] all(int symbols, int indicators) {
        boolean[][] needed = new boolean[symbols][indicators];
        for (boolean[] row : needed) {
            Arrays.fill(row, true);
        }
        return needed;
    }

    private static boolean anyTrue(boolean[] values) {
        for (boolean v : values) {
            if (v) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "FeaturePipeline[timeframes " + (timeframes.isEmpty() ? "base" : timeframes) + ", " + common
                + (perTimeframe.isEmpty() ? "" : " + " + perTimeframe) + " on " + compute.name() + "/"
                + precision.name().toLowerCase(Locale.ROOT) + (cache != null ? ", cached" : "") + "]";
    }

    /**
     * A derived column: one indicator column averaged across timeframes with fixed weights,
     * {@code sum(w_tf * value_tf) / sum(w_tf)}; {@code NaN} while any of its timeframes is.
     */
    private record WeightedColumn(String column, Map<Timeframe, Double> weights) {
        String name() {
            return WEIGHTED_PREFIX + ":" + column;
        }
    }

    /** Candles of several symbols that open at the same times, as one batch; nothing is copied. */
    private static final class SharedTimeBatch implements BarBatch {
        private final OhlcvSeries[] members;

        SharedTimeBatch(OhlcvSeries[] members) {
            this.members = members;
        }

        @Override
        public int symbolCount() {
            return members.length;
        }

        @Override
        public int barCount() {
            return members[0].size();
        }

        @Override
        public String symbol(int symbol) {
            return members[symbol].symbol();
        }

        @Override
        public long timestamp(int bar) {
            return members[0].timestamp(bar);
        }

        @Override
        public Column column(PriceField field, int symbol) {
            return members[symbol].column(field);
        }

        @Override
        public boolean hasBar(int symbol, int bar) {
            Objects.checkIndex(symbol, members.length);
            Objects.checkIndex(bar, barCount());
            return true;
        }
    }

    /** Settings of a {@link FeaturePipeline}; specs are resolved, and mistakes reported, at {@link #build()}. */
    public static final class Builder {
        private final PluginRegistry registry;
        private final ComputeBackend compute;
        private Timeframe baseTimeframe;
        private final List<Timeframe> timeframes = new ArrayList<>();
        private final List<ResolvedIndicator> common = new ArrayList<>();
        private final List<String> commonSpecs = new ArrayList<>();
        private final Map<Timeframe, List<String>> ownSpecs = new LinkedHashMap<>();
        private final Map<String, Map<Timeframe, Double>> weighted = new LinkedHashMap<>();
        private FeatureCache cache;
        private Precision precision = Precision.DOUBLE;
        private Profiler profiler = Profiler.disabled();

        private Builder(PluginRegistry registry, ComputeBackend compute) {
            this.registry = Objects.requireNonNull(registry, "registry");
            this.compute = Objects.requireNonNull(compute, "compute");
        }

        /** The base candles' timeframe, when the data does not tell it; by default the series' own. */
        public Builder baseTimeframe(Timeframe timeframe) {
            this.baseTimeframe = Objects.requireNonNull(timeframe, "timeframe");
            return this;
        }

        /** The timeframes to compute on, in column order, e.g. {@code 1h, 4h, 1d}; default: the base alone. */
        public Builder timeframes(Timeframe... values) {
            return timeframes(List.of(values));
        }

        /** The timeframes to compute on, in column order. */
        public Builder timeframes(List<Timeframe> values) {
            Set<Timeframe> distinct = new LinkedHashSet<>(values);
            if (distinct.size() != values.size()) {
                throw new IllegalArgumentException("timeframes repeat: " + values);
            }
            timeframes.clear();
            timeframes.addAll(distinct);
            return this;
        }

        /** Indicators to compute on every timeframe: {@code "rsi(14),macd(12,26,9)"}. */
        public Builder indicators(String specs) {
            commonSpecs.add(Objects.requireNonNull(specs, "specs"));
            return this;
        }

        /** Indicators, already resolved, to compute on every timeframe. */
        public Builder indicators(Collection<ResolvedIndicator> indicators) {
            common.addAll(List.copyOf(indicators));
            return this;
        }

        /** Indicators to compute on {@code timeframe} only, after those for every timeframe. */
        public Builder indicators(Timeframe timeframe, String specs) {
            ownSpecs.computeIfAbsent(Objects.requireNonNull(timeframe, "timeframe"), k -> new ArrayList<>())
                    .add(Objects.requireNonNull(specs, "specs"));
            return this;
        }

        /**
         * Adds the column {@code mtf:<column>}: {@code column} (an indicator column such as {@code rsi(14)}
         * or {@code macd(12,26,9).hist}) averaged over the weighted timeframes. Weights must be finite and
         * not negative, and add up to more than zero; they are normalised to sum to one.
         */
        public Builder weighted(String column, Map<Timeframe, Double> weights) {
            Objects.requireNonNull(column, "column");
            if (weights.isEmpty()) {
                throw new IllegalArgumentException("weighted column " + column + " needs at least one weight");
            }
            double total = 0;
            for (Map.Entry<Timeframe, Double> e : weights.entrySet()) {
                double w = Objects.requireNonNull(e.getValue(), "weight");
                if (!Double.isFinite(w) || w < 0) {
                    throw new IllegalArgumentException("weight of " + e.getKey() + " for " + column
                            + " must be a finite number >= 0, was " + w);
                }
                total += w;
            }
            if (!(total > 0)) {
                throw new IllegalArgumentException("the weights of " + column + " add up to 0");
            }
            if (weighted.containsKey(column)) {
                throw new IllegalArgumentException("weighted column " + column + " is configured twice");
            }
            Map<Timeframe, Double> ordered = new LinkedHashMap<>();
            weights.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> ordered.put(e.getKey(), e.getValue()));
            weighted.put(column, ordered);
            return this;
        }

        /** Serves and keeps computed columns in {@code featureCache}. */
        public Builder cache(FeatureCache featureCache) {
            this.cache = Objects.requireNonNull(featureCache, "featureCache");
            return this;
        }

        /** The precision the backend computes in, part of every cache key; default {@link Precision#DOUBLE}. */
        public Builder precision(Precision value) {
            this.precision = Objects.requireNonNull(value, "precision");
            return this;
        }

        /**
         * Times each computation's stages under {@code features.compute}, {@code features.fingerprint} (cache
         * keys), {@code features.resample}, {@code features.indicators}, {@code features.merge} and
         * {@code features.assemble}; default: not timed.
         */
        public Builder profiler(Profiler value) {
            this.profiler = Objects.requireNonNull(value, "profiler");
            return this;
        }

        /**
         * @throws dev.candela.core.registry.UnknownIdException for an unknown indicator id
         * @throws IllegalArgumentException                   for bad specs, or a weighted column that is not
         *                                                    computed on one of its timeframes
         */
        public FeaturePipeline build() {
            List<ResolvedIndicator> all = new ArrayList<>(common);
            for (String specs : commonSpecs) {
                all.addAll(registry.resolveAll(specs));
            }
            List<ResolvedIndicator> shared = distinct(all);
            Map<Timeframe, List<ResolvedIndicator>> own = new LinkedHashMap<>();
            for (Map.Entry<Timeframe, List<String>> e : ownSpecs.entrySet()) {
                if (!timeframes.isEmpty() && !timeframes.contains(e.getKey())) {
                    throw new IllegalArgumentException("indicators are configured for " + e.getKey()
                            + ", which is not one of the timeframes " + timeframes);
                }
                List<ResolvedIndicator> resolved = new ArrayList<>();
                for (String specs : e.getValue()) {
                    resolved.addAll(registry.resolveAll(specs));
                }
                own.put(e.getKey(), distinct(resolved));
            }
            List<WeightedColumn> columns = new ArrayList<>();
            for (Map.Entry<String, Map<Timeframe, Double>> e : weighted.entrySet()) {
                for (Timeframe tf : e.getValue().keySet()) {
                    if (!timeframes.isEmpty() && !timeframes.contains(tf)) {
                        throw new IllegalArgumentException("weighted column " + e.getKey() + " weighs " + tf
                                + ", which is not one of the timeframes " + timeframes);
                    }
                    List<String> available = new ArrayList<>();
                    for (ResolvedIndicator indicator : shared) {
                        available.addAll(indicator.columnNames());
                    }
                    for (ResolvedIndicator indicator : own.getOrDefault(tf, List.of())) {
                        available.addAll(indicator.columnNames());
                    }
                    if (!available.contains(e.getKey())) {
                        throw new IllegalArgumentException("weighted column " + e.getKey() + " is not computed on "
                                + tf + "; its columns are " + available);
                    }
                }
                columns.add(new WeightedColumn(e.getKey(),
                        Collections.unmodifiableMap(new LinkedHashMap<>(e.getValue()))));
            }
            return new FeaturePipeline(compute, baseTimeframe, List.copyOf(timeframes), shared, Map.copyOf(own),
                    List.copyOf(columns), cache, precision, profiler);
        }

        private static List<ResolvedIndicator> distinct(List<ResolvedIndicator> indicators) {
            Map<String, ResolvedIndicator> bySpec = new LinkedHashMap<>();
            for (ResolvedIndicator indicator : indicators) {
                bySpec.putIfAbsent(indicator.spec(), indicator);
            }
            return List.copyOf(bySpec.values());
        }
    }
}
