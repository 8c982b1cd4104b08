package dev.candela.optimizer;

import dev.candela.optimizer.report.GpuMemorySample;
import dev.candela.optimizer.report.ResourceSample;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** A sampler that returns readings queued by the test, one per call, at one-second steps. */
final class ScriptedSamples implements ResourceSampler {
    static final long GIB = Machines.GIB;
    private final Deque<ResourceSample> queue = new ArrayDeque<>();
    private long time = 1_700_000_000_000L;

    /** Queues a reading with this heap utilisation and nothing else under pressure. */
    ScriptedSamples heap(double fraction) {
        return add(0.3, fraction, 0.3, List.of());
    }

    /** Queues a reading with this device memory utilisation on one 16 GiB GPU. */
    ScriptedSamples gpu(double fraction) {
        return add(0.3, 0.3, 0.3, List.of(new GpuMemorySample(0, "Test GPU", (long) (fraction * 16 * GIB), 16 * GIB)));
    }

    ScriptedSamples add(double cpu, double heap, double ram, List<GpuMemorySample> gpus) {
        time += 1_000;
        queue.add(new ResourceSample(time, cpu, cpu, (long) (ram * 8 * GIB), 8 * GIB, (long) (heap * 2 * GIB), 2 * GIB,
                0, 0, 0, 0, gpus));
        return this;
    }

    ScriptedSamples add(ResourceSample sample) {
        queue.add(sample);
        return this;
    }

    int remaining() {
        return queue.size();
    }

    @Override
    public ResourceSample sample() {
        ResourceSample next = queue.poll();
        if (next == null) {
            throw new IllegalStateException("no scripted sample left");
        }
        return next;
    }
}
