package dev.candela.core.features;

import dev.candela.core.compute.ComputeBackend;
import dev.candela.core.compute.IndicatorResults;
import dev.candela.core.compute.ParallelIndicatorEngine;
import dev.candela.core.registry.ResolvedIndicator;
import dev.candela.spi.BarBatch;
import dev.candela.spi.Profiler;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The CPU path on the calling thread, recording every batch it is asked to compute. */
final class CountingBackend implements ComputeBackend {
    /** One compute call: the specs asked for and the batch's shape. */
    record Call(List<String> specs, int symbols, int bars) {
    }

    private final ComputeBackend engine;
    private final String name;
    final List<Call> calls = new CopyOnWriteArrayList<>();

    CountingBackend(String name) {
        this.name = name;
        this.engine = new ParallelIndicatorEngine(name, Runnable::run, 2, Profiler.disabled());
    }

    CountingBackend() {
        this("cpu");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public IndicatorResults compute(List<ResolvedIndicator> indicators, BarBatch bars) {
        calls.add(new Call(indicators.stream().map(ResolvedIndicator::spec).toList(), bars.symbolCount(),
                bars.barCount()));
        return engine.compute(indicators, bars);
    }
}
