package dev.candela.gpu;

import dev.candela.core.compute.ComputeBackend;
import dev.candela.core.compute.IndicatorResults;
import dev.candela.core.registry.ResolvedIndicator;
import dev.candela.spi.BarBatch;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;

/**
 * The GPU backend's compute path. ND4J is initialised on first use, never at wiring time, with the
 * thread counts chosen for this machine. An indicator without a device kernel runs on the CPU path,
 * and its results say so ({@link IndicatorResults#backendOf}).
 */
final class GpuComputeBackend implements ComputeBackend {
    private static final Logger LOG = LoggerFactory.getLogger(GpuComputeBackend.class);

    private final ComputeBackend cpuPath;
    private final int threads;
    private final boolean emulated;
    private volatile boolean initialised;

    GpuComputeBackend(ComputeBackend cpuPath, int threads, boolean emulated) {
        this.cpuPath = Objects.requireNonNull(cpuPath, "cpuPath");
        this.threads = threads;
        this.emulated = emulated;
    }

    @Override
    public String name() {
        return "gpu";
    }

    @Override
    public IndicatorResults compute(List<ResolvedIndicator> indicators, BarBatch bars) {
        ensureNd4j();
        return cpuPath.compute(indicators, bars);
    }

    /** Loads ND4J once and applies the thread counts; returns the ND4J backend's class name. */
    String ensureNd4j() {
        if (!initialised) {
            synchronized (this) {
                if (!initialised) {
                    Nd4jThreads.Settings settings = Nd4jThreads.apply(threads);
                    LOG.info("ND4J backend {}{}, threads {}", Nd4j.getBackend().getClass().getSimpleName(),
                            emulated ? " (GPU emulated on the CPU)" : "", settings);
                    initialised = true;
                }
            }
        }
        return Nd4j.getBackend().getClass().getName();
    }
}
