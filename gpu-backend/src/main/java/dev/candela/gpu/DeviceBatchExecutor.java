package dev.candela.gpu;

import dev.candela.core.compute.ComputeBackend;
import dev.candela.core.compute.IndicatorResults;
import dev.candela.core.registry.ResolvedIndicator;
import dev.candela.gpu.kernel.DeviceKernel;
import dev.candela.gpu.kernel.KernelInputs;
import dev.candela.spi.BarBatch;
import dev.candela.spi.IndicatorOutput;
import dev.candela.spi.PriceField;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Runs device kernels over a batch: plans chunks of symbols that fit in device memory, uploads each chunk's
 * price fields once, runs every kernel on them in ND4J workspaces, copies each output back once and puts it
 * on the batch's time index.
 *
 * <p>When a chunk runs out of device memory it is retried in halves, down to {@code maxSplits} halvings;
 * when that fails too, or when not even one symbol fits, the whole call is computed on the CPU path and one
 * WARN line says why. Outputs are written only from chunks that completed, and the CPU path rewrites all of
 * them, so a failure never leaves a mixed or partial result.
 *
 * <p>With several devices, each takes a contiguous share of the symbols and works through its chunks on its
 * own thread ({@link DeviceWorkers}); every chunk writes its own symbols, so the results come out in order.
 */
final class DeviceBatchExecutor {
    static final int DEFAULT_MAX_SPLITS = 6;
    private static final Logger LOG = LoggerFactory.getLogger(DeviceBatchExecutor.class);
    /** Share of the free heap that the host-side copies of one chunk may take. */
    private static final double HOST_STAGING_SHARE = 0.25;

    private final DeviceSet devices;
    private final HostToDevice uploader;
    private final DeviceWorkers workers;
    private final ComputeBackend cpuPath;
    private final DataType dataType;
    private final double headroomFraction;
    private final int maxSplits;
    private final Consumer<String> warnings;
    private final Runnable threadSetup;

    /** One indicator and the kernel that computes it. */
    record Job(ResolvedIndicator indicator, DeviceKernel kernel) {
        Job {
            Objects.requireNonNull(indicator, "indicator");
            Objects.requireNonNull(kernel, "kernel");
        }
    }

    /**
     * @param threadSetup runs on a device thread before its work, for per-thread native settings (OpenMP's
     *                    thread count is one)
     */
    DeviceBatchExecutor(DeviceSet devices, HostToDevice uploader, DeviceWorkers workers, ComputeBackend cpuPath,
                        DataType dataType, double headroomFraction, int maxSplits, Consumer<String> warnings,
                        Runnable threadSetup) {
        this.devices = Objects.requireNonNull(devices, "devices");
        this.uploader = Objects.requireNonNull(uploader, "uploader");
        this.workers = Objects.requireNonNull(workers, "workers");
        this.cpuPath = Objects.requireNonNull(cpuPath, "cpuPath");
        if (dataType != DataType.DOUBLE && dataType != DataType.FLOAT) {
            throw new IllegalArgumentException("data type must be DOUBLE or FLOAT, was " + dataType);
        }
        this.dataType = dataType;
        this.headroomFraction = headroomFraction;
        if (maxSplits < 0) {
            throw new IllegalArgumentException("maxSplits must be >= 0, was " + maxSplits);
        }
        this.maxSplits = maxSplits;
        this.warnings = Objects.requireNonNull(warnings, "warnings");
        this.threadSetup = Objects.requireNonNull(threadSetup, "threadSetup");
    }

    DataType dataType() {
        return dataType;
    }

    /** Computes every job over {@code bars}; each result says whether the device or the CPU path made it. */
    List<IndicatorResults.Computed> compute(List<Job> jobs, BarBatch bars) {
        if (jobs.isEmpty()) {
            return List.of();
        }
        int symbols = bars.symbolCount();
        int n = bars.barCount();
        List<IndicatorOutput> outputs = new ArrayList<>(jobs.size());
        for (Job job : jobs) {
            outputs.add(IndicatorOutput.allocate(job.kernel().outputs().size(), symbols, n));
        }
        if (symbols > 0 && n > 0) {
            Request request = new Request(jobs, bars, RowLayout.of(bars), outputs);
            List<ChunkPlanner.Chunk> plan = ChunkPlanner.plan(symbols, request.bytesPerSymbol(),
                    ChunkPlanner.budgets(devices, headroomFraction), request.maxRowsForHostStaging());
            if (plan.isEmpty()) {
                return onCpuPath(jobs, bars, "not even one symbol fits in device memory ("
                        + mebibytes(request.bytesPerSymbol()) + " needed per symbol on " + devices.describe() + ")");
            }
            LOG.debug("{} symbols x {} bars in {} chunk(s) on {}, {} per symbol", symbols, n, plan.size(),
                    devices.describe(), mebibytes(request.bytesPerSymbol()));
            try {
                run(request, plan);
            } catch (MemoryExhausted e) {
                return onCpuPath(jobs, bars, e.getMessage());
            }
        }
        List<IndicatorResults.Computed> computed = new ArrayList<>(jobs.size());
        for (int j = 0; j < jobs.size(); j++) {
            computed.add(new IndicatorResults.Computed(jobs.get(j).indicator(), outputs.get(j), "gpu"));
        }
        return computed;
    }

    private List<IndicatorResults.Computed> onCpuPath(List<Job> jobs, BarBatch bars, String reason) {
        String specs = jobs.stream().map(j -> j.indicator().spec()).collect(Collectors.joining(", "));
        warnings.accept("GPU backend: " + reason + "; computing " + specs + " on the CPU path");
        return cpuPath.compute(jobs.stream().map(Job::indicator).toList(), bars).computed();
    }

    /** Runs every device's chunks on its thread and waits for all of them, whatever happens to one. */
    private void run(Request request, List<ChunkPlanner.Chunk> plan) {
        Map<Integer, List<ChunkPlanner.Chunk>> byDevice = new LinkedHashMap<>();
        for (ChunkPlanner.Chunk chunk : plan) {
            byDevice.computeIfAbsent(chunk.device(), d -> new ArrayList<>()).add(chunk);
        }
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (Map.Entry<Integer, List<ChunkPlanner.Chunk>> e : byDevice.entrySet()) {
            int device = e.getKey();
            List<ChunkPlanner.Chunk> chunks = e.getValue();
            running.add(workers.submit(device, () -> {
                devices.attach(device);
                threadSetup.run();
                for (ChunkPlanner.Chunk chunk : chunks) {
                    runWithRetry(request, chunk, 0);
                }
                return null;
            }));
        }
        Throwable failure = null;
        for (CompletableFuture<Void> f : running) {
            try {
                f.join();
            } catch (CompletionException e) {
                failure = failure != null ? failure : (e.getCause() != null ? e.getCause() : e);
            }
        }
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        if (failure != null) {
            throw new IllegalStateException("device work failed", failure);
        }
    }

    private void runWithRetry(Request request, ChunkPlanner.Chunk chunk, int splits) {
        try {
            runChunk(request, chunk);
        } catch (MemoryExhausted e) {
            throw e;
        } catch (RuntimeException | Error e) {
            if (!OutOfDeviceMemory.isCause(e)) {
                throw e;
            }
            // The failed chunk's workspaces may hold most of the device; give them back before retrying.
            DeviceWorkspaces.release();
            if (splits >= maxSplits || chunk.rows() < 2) {
                throw new MemoryExhausted("out of device memory even in chunks of " + chunk.rows() + " symbol(s) ("
                        + e + ")");
            }
            LOG.debug("Out of device memory for symbols [{}, {}); retrying in halves", chunk.from(), chunk.to());
            for (ChunkPlanner.Chunk half : chunk.halves()) {
                runWithRetry(request, half, splits + 1);
            }
        }
    }

    private void runChunk(Request request, ChunkPlanner.Chunk chunk) {
        int rows = chunk.rows();
        int n = request.bars.barCount();
        long elementBytes = dataType.width();
        long inputBytes = request.fields.size() * (long) rows * n * elementBytes;
        long kernelBytes = request.kernelBytesPerRow * rows;
        DeviceWorkspaces.within(DeviceWorkspaces.INPUTS, inputBytes, () -> {
            KernelInputs in = upload(request, chunk);
            for (int j = 0; j < request.jobs.size(); j++) {
                int job = j;
                DeviceWorkspaces.within(DeviceWorkspaces.KERNEL, kernelBytes, () -> runJob(request, chunk, job, in));
            }
        });
    }

    /** Runs one job's kernel on an uploaded chunk and puts its outputs back on the batch's time index. */
    private static void runJob(Request request, ChunkPlanner.Chunk chunk, int j, KernelInputs in) {
        Job job = request.jobs.get(j);
        int n = request.bars.barCount();
        List<INDArray> values = job.kernel().compute(job.indicator().parameters(), in);
        int lookback = job.indicator().lookback();
        IndicatorOutput out = request.outputs.get(j);
        for (int o = 0; o < values.size(); o++) {
            double[] host = Transfers.download(values.get(o));
            for (int r = 0; r < chunk.rows(); r++) {
                int symbol = chunk.from() + r;
                request.layout.scatterRow(host, r * n, lookback, symbol, out.array(o, symbol));
            }
        }
    }

    private KernelInputs upload(Request request, ChunkPlanner.Chunk chunk) {
        int rows = chunk.rows();
        int n = request.bars.barCount();
        double[] staging = new double[rows * n];
        Map<PriceField, INDArray> fields = new EnumMap<>(PriceField.class);
        for (PriceField field : request.fields) {
            for (int r = 0; r < rows; r++) {
                request.layout.fillRow(request.bars, field, chunk.from() + r, staging, r * n);
            }
            fields.put(field, uploader.upload(staging, rows, n, dataType));
        }
        return KernelInputs.of(fields);
    }

    private static String mebibytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
    }

    /** One call's jobs, batch, layout and outputs, and what they need per symbol. */
    private final class Request {
        final List<Job> jobs;
        final BarBatch bars;
        final RowLayout layout;
        final List<IndicatorOutput> outputs;
        final Set<PriceField> fields;
        final long kernelBytesPerRow;
        final int maxOutputs;

        Request(List<Job> jobs, BarBatch bars, RowLayout layout, List<IndicatorOutput> outputs) {
            this.jobs = jobs;
            this.bars = bars;
            this.layout = layout;
            this.outputs = outputs;
            Set<PriceField> union = EnumSet.noneOf(PriceField.class);
            long kernelBytes = 0;
            int widest = 1;
            for (Job job : jobs) {
                union.addAll(job.kernel().inputs());
                kernelBytes = Math.max(kernelBytes, job.kernel().workingBytesPerRow(job.indicator().parameters(),
                        bars.barCount(), dataType.width()));
                widest = Math.max(widest, job.kernel().outputs().size());
            }
            this.fields = union;
            this.kernelBytesPerRow = kernelBytes;
            this.maxOutputs = widest;
        }

        long bytesPerSymbol() {
            return fields.size() * (long) bars.barCount() * dataType.width() + kernelBytesPerRow;
        }

        /** Rows whose host-side copies (staging, narrowed copy, downloaded outputs) fit the heap's share. */
        int maxRowsForHostStaging() {
            Runtime rt = Runtime.getRuntime();
            long freeHeap = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
            long perRow = (2L + maxOutputs) * bars.barCount() * Double.BYTES;
            long rows = (long) (freeHeap * HOST_STAGING_SHARE) / Math.max(1, perRow);
            long arrayLimit = Integer.MAX_VALUE / Math.max(1, bars.barCount());
            return (int) Math.max(1, Math.min(rows, arrayLimit));
        }
    }

    /** The retries ran out: the call goes to the CPU path. */
    private static final class MemoryExhausted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MemoryExhausted(String message) {
            super(message);
        }
    }
}
