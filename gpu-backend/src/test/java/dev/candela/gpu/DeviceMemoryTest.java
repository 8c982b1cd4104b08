package dev.candela.gpu;

import dev.candela.core.compute.IndicatorResults;
import dev.candela.core.compute.ParallelIndicatorEngine;
import dev.candela.core.registry.ResolvedIndicator;
import dev.candela.gpu.kernel.DeviceKernel;
import dev.candela.gpu.kernel.DeviceKernels;
import dev.candela.gpu.kernel.KernelInputs;
import dev.candela.spi.Parameters;
import dev.candela.spi.PriceField;
import dev.candela.spi.Profiler;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.AllocationsTracker;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.enums.AllocationKind;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Device memory as ND4J accounts for it: the plan's estimates and the workspaces across many calls. */
class DeviceMemoryTest {
    private static ResolvedIndicator shaped(String id, double... values) {
        KernelShaped indicator = new KernelShaped(DeviceKernels.byId(id).orElseThrow());
        return new ResolvedIndicator(indicator, indicator.bind(values));
    }

    private static KernelInputs inputs(TestBatch bars, DataType type) {
        int rows = bars.symbolCount();
        int n = bars.barCount();
        Map<PriceField, INDArray> fields = new EnumMap<>(PriceField.class);
        for (PriceField f : PriceField.values()) {
            double[] values = new double[rows * n];
            for (int s = 0; s < rows; s++) {
                bars.column(f, s).copyTo(0, values, s * n, n);
            }
            fields.put(f, Transfers.upload(values, rows, n, type));
        }
        return KernelInputs.of(fields);
    }

    @Test
    void everyKernelAllocatesNoMoreThanThePlanReservesForIt() {
        TestBatch bars = TestBatch.random(21, 3, 2_000);
        assertEquals(DeviceKernels.ids(), KernelParameters.BY_ID.keySet(), "every kernel is measured");
        for (DataType type : List.of(DataType.DOUBLE, DataType.FLOAT)) {
            KernelInputs in = inputs(bars, type);
            for (String id : DeviceKernels.ids()) {
                for (double[] values : KernelParameters.BY_ID.get(id)) {
                    DeviceKernel kernel = DeviceKernels.byId(id).orElseThrow();
                    Parameters parameters = new KernelShaped(kernel).bind(values);
                    long planned = 3 * kernel.workingBytesPerRow(parameters, 2_000, type.width());
                    long used;
                    try (MemoryWorkspace ws = DeviceWorkspaces.open(DeviceWorkspaces.KERNEL, planned)) {
                        kernel.compute(parameters, in);
                        used = ws.getThisCycleAllocations();
                    }
                    assertTrue(used > 0, id + " allocated nothing in the workspace");
                    assertTrue(used <= planned, id + java.util.Arrays.toString(values) + " in " + type + " used "
                            + used + " bytes, the plan reserves " + planned);
                }
            }
        }
        DeviceWorkspaces.release();
    }

    private static long tracked(AllocationKind kind) {
        return AllocationsTracker.getInstance().bytesOnDevice(kind, 0);
    }

    @Test
    void thousandCallsAllocateNoNewDeviceMemory() {
        TestBatch bars = TestBatch.random(22, 3, 64);
        List<ResolvedIndicator> indicators = List.of(shaped("ema", 10), shaped("rsi", 7), shaped("stddev", 8, 2),
                shaped("cci", 5), shaped("adx", 4), shaped("macd", 5, 10, 4));
        List<DeviceBatchExecutor.Job> jobs = new ArrayList<>();
        for (ResolvedIndicator r : indicators) {
            jobs.add(new DeviceBatchExecutor.Job(r, DeviceKernels.forIndicator(r.indicator(), r.parameters()).orElseThrow()));
        }
        List<String> warnings = new ArrayList<>();
        DeviceBatchExecutor executor = new DeviceBatchExecutor(new FakeDevices(1L << 30), Transfers::upload,
                DeviceWorkers.shared(), new ParallelIndicatorEngine("cpu", Runnable::run, 1, Profiler.disabled()),
                DataType.DOUBLE, 0.1, DeviceBatchExecutor.DEFAULT_MAX_SPLITS, warnings::add, () -> { });

        for (int call = 0; call < 10; call++) {
            executor.compute(jobs, bars);
        }
        long[] before = {tracked(AllocationKind.GENERAL), tracked(AllocationKind.WORKSPACE),
                tracked(AllocationKind.CONSTANT), workspaceBytes()};
        double[] first = new IndicatorResults(executor.compute(jobs, bars)).column("adx(4)", 2).clone();
        for (int call = 1; call < 1_000; call++) {
            executor.compute(jobs, bars);
        }
        double[] last = new IndicatorResults(executor.compute(jobs, bars)).column("adx(4)", 2);
        long[] after = {tracked(AllocationKind.GENERAL), tracked(AllocationKind.WORKSPACE),
                tracked(AllocationKind.CONSTANT), workspaceBytes()};

        assertEquals(List.of(), warnings);
        assertEquals(before[0], after[0], "general device allocations");
        assertEquals(before[1], after[1], "workspace bytes");
        assertEquals(before[2], after[2], "constant buffers");
        assertEquals(before[3], after[3], "size of the device thread's workspaces");
        assertTrue(before[3] > 0, "the calls ran in workspaces");
        org.junit.jupiter.api.Assertions.assertArrayEquals(first, last, 0.0, "the same results every time");
    }

    /** The sizes of device 0's workspaces, read on its own thread (workspaces are per thread). */
    private static long workspaceBytes() {
        return DeviceWorkers.shared().submit(0, () -> DeviceWorkspaces.size(DeviceWorkspaces.INPUTS)
                + DeviceWorkspaces.size(DeviceWorkspaces.KERNEL)).join();
    }
}
