package dev.candela.optimizer;

import dev.candela.optimizer.report.ActionTaken;
import dev.candela.optimizer.report.GpuMemorySample;
import dev.candela.optimizer.report.HumanReadable;
import dev.candela.optimizer.report.ResourceSample;
import dev.candela.optimizer.report.Thresholds;
import dev.candela.spi.BatchSizeControl;
import dev.candela.spi.MemoryReclaimer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Decides, sample by sample, when to act on memory and device-memory pressure, with hysteresis:
 * <ul>
 *   <li>A resource enters pressure when its utilisation goes above its threshold, and leaves it only when it
 *       falls below {@code threshold - }{@value #HYSTERESIS}; between the two nothing changes, so a reading
 *       that hovers at the threshold does not act on every sample.</li>
 *   <li>Entering memory pressure (heap or physical memory) cleans up moderately: every registered
 *       {@link MemoryReclaimer} at {@code MODERATE} (the feature cache frees half, ND4J workspaces and caches
 *       are released), then a garbage collection.</li>
 *   <li>Entering device-memory pressure shrinks every reducible {@link BatchSizeControl} and cleans up
 *       moderately.</li>
 *   <li>A resource still above its threshold {@value #ESCALATION_SAMPLES} samples later escalates: a
 *       {@code CRITICAL} clean-up (caches dropped) and smaller batches; again every
 *       {@value #ESCALATION_SAMPLES} samples while it stays above.</li>
 *   <li>CPU above its threshold only logs, at debug level (no action frees CPU); the suggestions report it.</li>
 * </ul>
 * Every action is logged and handed to the sink. Not thread-safe: the monitor thread calls it.
 */
final class PressureResponse {
    /** How far below its threshold a resource must fall to leave pressure. */
    static final double HYSTERESIS = 0.05;
    /** Samples above the threshold after which an action escalates. */
    static final int ESCALATION_SAMPLES = 3;

    private static final Logger LOG = LoggerFactory.getLogger(PressureResponse.class);

    private final Thresholds thresholds;
    private final Collection<MemoryReclaimer> reclaimers;
    private final Collection<BatchSizeControl> batches;
    private final GarbageCollection gc;
    private final Consumer<ActionTaken> sink;
    private final Level memory = new Level();
    private final Level gpu = new Level();
    private final Level cpu = new Level();

    /** @param reclaimers and {@code batches} are read at each action, so later registrations count */
    PressureResponse(Thresholds thresholds, Collection<MemoryReclaimer> reclaimers,
                     Collection<BatchSizeControl> batches, GarbageCollection gc, Consumer<ActionTaken> sink) {
        this.thresholds = thresholds;
        this.reclaimers = reclaimers;
        this.batches = batches;
        this.gc = gc;
        this.sink = sink;
    }

    void onSample(ResourceSample s) {
        double heap = s.heapUtilisation();
        double ram = s.systemMemoryUtilisation();
        boolean heapWorse = heap >= ram;
        double mem = Math.max(heap, ram);
        String memTrigger = String.format(Locale.ROOT, "%s %s > %s", heapWorse ? "heap" : "memory",
                HumanReadable.percent(mem), HumanReadable.percent(thresholds.memory()));
        switch (memory.next(mem, thresholds.memory())) {
            case ENTERED -> cleanUp(s.timeMillis(), memTrigger, MemoryReclaimer.Pressure.MODERATE);
            case ESCALATED -> {
                cleanUp(s.timeMillis(), memTrigger + " for " + memory.above + " samples",
                        MemoryReclaimer.Pressure.CRITICAL);
                reduceBatches(s.timeMillis(), memTrigger + " for " + memory.above + " samples");
            }
            case LEFT -> LOG.info("memory back to {} (threshold {})", HumanReadable.percent(mem),
                    HumanReadable.percent(thresholds.memory()));
            case UNCHANGED -> {
            }
        }

        GpuMemorySample fullest = null;
        for (GpuMemorySample g : s.gpus()) {
            if (fullest == null || g.utilisation() > fullest.utilisation()) {
                fullest = g;
            }
        }
        if (fullest != null) {
            String gpuTrigger = String.format(Locale.ROOT, "GPU %d memory %s > %s", fullest.index(),
                    HumanReadable.percent(fullest.utilisation()), HumanReadable.percent(thresholds.gpuMemory()));
            switch (gpu.next(fullest.utilisation(), thresholds.gpuMemory())) {
                case ENTERED -> {
                    reduceBatches(s.timeMillis(), gpuTrigger);
                    cleanUp(s.timeMillis(), gpuTrigger, MemoryReclaimer.Pressure.MODERATE);
                }
                case ESCALATED -> {
                    String trigger = gpuTrigger + " for " + gpu.above + " samples";
                    reduceBatches(s.timeMillis(), trigger);
                    cleanUp(s.timeMillis(), trigger, MemoryReclaimer.Pressure.CRITICAL);
                }
                case LEFT -> LOG.info("GPU memory back to {} (threshold {})",
                        HumanReadable.percent(fullest.utilisation()), HumanReadable.percent(thresholds.gpuMemory()));
                case UNCHANGED -> {
                }
            }
        }

        double load = Double.isNaN(s.systemCpu()) ? s.processCpu() : s.systemCpu();
        if (!Double.isNaN(load)) {
            switch (cpu.next(load, thresholds.cpu())) {
                case ENTERED -> LOG.debug("CPU saturated: {} > {}", HumanReadable.percent(load),
                        HumanReadable.percent(thresholds.cpu()));
                case LEFT -> LOG.debug("CPU back to {}", HumanReadable.percent(load));
                case ESCALATED, UNCHANGED -> {
                }
            }
        }
    }

    private void cleanUp(long time, String trigger, MemoryReclaimer.Pressure pressure) {
        long released = 0;
        List<String> parts = new ArrayList<>();
        for (MemoryReclaimer r : reclaimers) {
            long freed;
            try {
                freed = Math.max(0, r.reclaim(pressure));
            } catch (RuntimeException e) {
                LOG.warn("{} failed to free memory: {}", r.name(), e.toString());
                parts.add(r.name() + " failed");
                continue;
            }
            released += freed;
            parts.add(r.name() + " " + HumanReadable.bytes(freed));
        }
        long collected = gc.collect();
        released += collected;
        parts.add("gc " + HumanReadable.bytes(collected));
        String detail = pressure.name().toLowerCase(Locale.ROOT) + " clean-up: " + String.join(", ", parts);
        LOG.warn("{}: {}", trigger, detail);
        sink.accept(new ActionTaken(time, ActionTaken.MEMORY_CLEANUP, trigger, detail, released));
    }

    private void reduceBatches(long time, String trigger) {
        List<String> parts = new ArrayList<>();
        for (BatchSizeControl b : batches) {
            if (b.canReduce()) {
                int before = b.batchSize();
                int after = b.reduce();
                parts.add(b.name() + " " + before + " -> " + after);
            }
        }
        if (parts.isEmpty()) {
            LOG.warn("{}: no batch size left to reduce", trigger);
            return;
        }
        String detail = "batch sizes: " + String.join(", ", parts);
        LOG.warn("{}: {}", trigger, detail);
        sink.accept(new ActionTaken(time, ActionTaken.BATCH_REDUCTION, trigger, detail, 0));
    }

    /** What a new reading did to a resource's state. */
    enum Change { ENTERED, ESCALATED, LEFT, UNCHANGED }

    /** One resource's pressure state. */
    private static final class Level {
        boolean high;
        int above;

        Change next(double value, double threshold) {
            if (!high) {
                if (value > threshold) {
                    high = true;
                    above = 1;
                    return Change.ENTERED;
                }
                return Change.UNCHANGED;
            }
            if (value < threshold - HYSTERESIS) {
                high = false;
                above = 0;
                return Change.LEFT;
            }
            if (value > threshold) {
                above++;
                if (above % ESCALATION_SAMPLES == 1) {
                    return Change.ESCALATED;
                }
            }
            return Change.UNCHANGED;
        }
    }
}
