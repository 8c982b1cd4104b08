package dev.candela.core.compute;

import dev.candela.core.registry.ResolvedIndicator;
import dev.candela.spi.BarBatch;
import dev.candela.spi.Indicator;
import dev.candela.spi.IndicatorOutput;
import dev.candela.spi.Parameters;
import dev.candela.spi.Profiler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Runs each indicator's own batch computation, split into symbol ranges across an executor. This is the
 * CPU path: the CPU backend uses it for everything, the GPU backend for whatever it has no kernel for.
 */
public final class ParallelIndicatorEngine implements ComputeBackend {
    private final String name;
    private final Executor executor;
    private final int parallelism;
    private final Profiler profiler;

    /**
     * @param name        backend name recorded with each result
     * @param executor    where the symbol ranges run
     * @param parallelism how many ranges to split a batch into at most (usually the thread count)
     * @param profiler    times each indicator under {@code indicator:<id>}
     */
    public ParallelIndicatorEngine(String name, Executor executor, int parallelism, Profiler profiler) {
        this.name = Objects.requireNonNull(name, "name");
        this.executor = Objects.requireNonNull(executor, "executor");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
        }
        this.parallelism = parallelism;
        this.profiler = Objects.requireNonNull(profiler, "profiler");
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Indicators that share one implementation (a parameter sweep such as {@code rsi(2)..rsi(100)})
     * are computed together through {@link dev.candela.spi.Indicator#computeSweep}, so the
     * implementation can share work between them.
     *
     * <p>A symbol with missing bars in an aligned batch (NaN and {@code hasBar == false}) is computed on
     * its own bars only and its values are put back on the batch's index, NaN where it had no bar: the
     * same values as computing that symbol alone, never a warm-up restarted by a hole.
     */
    @Override
    public IndicatorResults compute(List<ResolvedIndicator> indicators, BarBatch bars) {
        List<IndicatorOutput> outputs = new ArrayList<>(indicators.size());
        for (ResolvedIndicator ind : indicators) {
            outputs.add(IndicatorOutput.allocate(ind.indicator().outputs().size(), bars.symbolCount(),
                    bars.barCount()));
        }
        return computeInto(indicators, bars, outputs);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Writes in place: each symbol range writes straight into the supplied arrays.
     */
    @Override
    public IndicatorResults computeInto(List<ResolvedIndicator> indicators, BarBatch bars,
                                        List<IndicatorOutput> outputs) {
        SuppliedOutputs.check(indicators, bars, outputs);
        int symbols = bars.symbolCount();
        int ranges = Math.max(1, Math.min(parallelism, symbols));
        List<IndicatorResults.Computed> results = new ArrayList<>(indicators.size());
        Map<Indicator, List<IndicatorResults.Computed>> sweeps = new LinkedHashMap<>();
        for (int i = 0; i < indicators.size(); i++) {
            ResolvedIndicator ind = indicators.get(i);
            IndicatorResults.Computed computed = new IndicatorResults.Computed(ind, outputs.get(i), name);
            results.add(computed);
            sweeps.computeIfAbsent(ind.indicator(), k -> new ArrayList<>()).add(computed);
        }
        boolean[] holes = new boolean[symbols];
        for (int s = 0; s < symbols; s++) {
            holes[s] = CompactedSymbol.hasHoles(bars, s);
        }
        List<CompletableFuture<Void>> tasks = new ArrayList<>();
        boolean inline = sweeps.size() == 1 && ranges == 1;
        for (Map.Entry<Indicator, List<IndicatorResults.Computed>> sweep : sweeps.entrySet()) {
            Indicator indicator = sweep.getKey();
            List<IndicatorResults.Computed> members = sweep.getValue();
            List<Parameters> parameters = members.stream().map(c -> c.indicator().parameters()).toList();
            for (int r = 0; r < ranges; r++) {
                int from = (int) ((long) symbols * r / ranges);
                int to = (int) ((long) symbols * (r + 1) / ranges);
                BarBatch part = SymbolRange.of(bars, from, to);
                List<IndicatorOutput> outs = members.stream().map(c -> SymbolRange.of(c.output(), from, to)).toList();
                Runnable work = () -> profiler.time("indicator:" + indicator.id(), () -> {
                    run(indicator, parameters, part, outs);
                    for (int s = from; s < to; s++) {
                        if (holes[s]) {
                            recomputeCompacted(indicator, parameters, bars, s, outs, s - from);
                        }
                    }
                });
                tasks.add(CompletableFuture.runAsync(work, inline ? Runnable::run : executor));
            }
        }
        try {
            CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
        return new IndicatorResults(results);
    }

    private static void run(Indicator indicator, List<Parameters> parameters, BarBatch bars, List<IndicatorOutput> outs) {
        if (parameters.size() == 1) {
            indicator.compute(parameters.get(0), bars, outs.get(0));
        } else {
            indicator.computeSweep(parameters, bars, outs);
        }
    }

    private static void recomputeCompacted(Indicator indicator, List<Parameters> parameters, BarBatch bars, int symbol,
                                           List<IndicatorOutput> outs, int outSymbol) {
        CompactedSymbol compact = CompactedSymbol.of(bars, symbol);
        List<IndicatorOutput> compactOuts = new ArrayList<>(outs.size());
        for (IndicatorOutput out : outs) {
            compactOuts.add(IndicatorOutput.allocate(out.outputCount(), 1, compact.barCount()));
        }
        run(indicator, parameters, compact, compactOuts);
        for (int i = 0; i < outs.size(); i++) {
            compact.scatter(compactOuts.get(i), outs.get(i), outSymbol);
        }
    }
}
