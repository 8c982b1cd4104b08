package dev.candela.gpu;

import dev.candela.core.compute.ComputeBackend;
import dev.candela.core.compute.IndicatorResults;
import dev.candela.core.compute.ParallelIndicatorEngine;
import dev.candela.core.registry.ResolvedIndicator;
import dev.candela.gpu.kernel.DeviceKernels;
import dev.candela.spi.BarBatch;
import dev.candela.spi.Indicator;
import dev.candela.spi.Profiler;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeviceBatchExecutorTest {
    private static final int SYMBOLS = 12;
    private static final int BARS = 120;
    /** Device bytes one symbol needs for the jobs below: one input field plus the widest kernel. */
    private static final long BYTES_PER_SYMBOL = bytesPerSymbol();

    private final ComputeBackend cpu = new ParallelIndicatorEngine("cpu", Runnable::run, 1, Profiler.disabled());
    private final List<String> warnings = new ArrayList<>();

    private static List<ResolvedIndicator> indicators() {
        Indicator sma = new TestIndicators.Sma();
        Indicator mom = new TestIndicators.Momentum();
        return List.of(new ResolvedIndicator(sma, sma.bind(14)), new ResolvedIndicator(mom, mom.bind(5)));
    }

    private static List<DeviceBatchExecutor.Job> jobs() {
        return indicators().stream().map(r -> new DeviceBatchExecutor.Job(r,
                DeviceKernels.forIndicator(r.indicator(), r.parameters()).orElseThrow())).toList();
    }

    private static long bytesPerSymbol() {
        long widest = 0;
        for (DeviceBatchExecutor.Job job : jobs()) {
            widest = Math.max(widest, job.kernel().workingBytesPerRow(job.indicator().parameters(), BARS, 8));
        }
        return (long) BARS * 8 + widest;
    }

    private DeviceBatchExecutor executor(DeviceSet devices, HostToDevice uploader, int maxSplits) {
        return new DeviceBatchExecutor(devices, uploader, DeviceWorkers.shared(), cpu, DataType.DOUBLE, 0.1,
                maxSplits, warnings::add, () -> { });
    }

    private void assertEqualsCpuPath(List<IndicatorResults.Computed> computed, BarBatch bars) {
        IndicatorResults expected = cpu.compute(indicators(), bars);
        IndicatorResults actual = new IndicatorResults(computed);
        for (String column : expected.columnNames()) {
            for (int s = 0; s < bars.symbolCount(); s++) {
                assertArrayEquals(expected.column(column, s), actual.column(column, s), 1e-9,
                        column + " symbol " + s);
            }
        }
    }

    /** Fails like an exhausted device whenever a chunk has more than {@code maxRows} rows. */
    private static HostToDevice failingAbove(int maxRows, AtomicInteger failures) {
        return (values, rows, bars, type) -> {
            if (rows > maxRows) {
                failures.incrementAndGet();
                throw new OutOfMemoryError("Cannot allocate " + values.length * 8L + " bytes (test device is full)");
            }
            return Transfers.upload(values, rows, bars, type);
        };
    }

    @Test
    void computesEveryChunkOfAPlanThatNeedsSeveral() {
        TestBatch bars = TestBatch.random(3, SYMBOLS, BARS);
        // Room for 5 symbols: three chunks.
        List<IndicatorResults.Computed> computed = executor(new FakeDevices(5 * BYTES_PER_SYMBOL), Transfers::upload, 6)
                .compute(jobs(), bars);

        assertEqualsCpuPath(computed, bars);
        assertTrue(computed.stream().allMatch(c -> c.backend().equals("gpu")));
        assertEquals(List.of(), warnings);
    }

    @Test
    void retriesAChunkThatRunsOutOfMemoryInHalves() {
        TestBatch bars = TestBatch.random(4, SYMBOLS, BARS);
        AtomicInteger failures = new AtomicInteger();

        // The plan puts all 12 symbols in one chunk, but only 3 fit: 12 -> 6 -> 3.
        List<IndicatorResults.Computed> computed = executor(new FakeDevices(100 * BYTES_PER_SYMBOL),
                failingAbove(3, failures), 6).compute(jobs(), bars);

        assertEqualsCpuPath(computed, bars);
        assertTrue(computed.stream().allMatch(c -> c.backend().equals("gpu")));
        assertEquals(3, failures.get(), "one failure of 12 symbols, two of 6");
        assertEquals(List.of(), warnings);
    }

    @Test
    void fallsBackToTheCpuPathWithOneWarningWhenRetriesRunOut() {
        TestBatch bars = TestBatch.random(5, SYMBOLS, BARS);
        AtomicInteger failures = new AtomicInteger();

        List<IndicatorResults.Computed> computed = executor(new FakeDevices(100 * BYTES_PER_SYMBOL),
                failingAbove(0, failures), 2).compute(jobs(), bars);

        assertEqualsCpuPath(computed, bars);
        assertTrue(computed.stream().allMatch(c -> c.backend().equals("cpu")));
        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).contains("out of device memory") && warnings.get(0).contains("sma(14), mom(5)"),
                warnings.get(0));
    }

    @Test
    void fallsBackToTheCpuPathWhenNotOneSymbolFits() {
        TestBatch bars = TestBatch.random(6, SYMBOLS, BARS);

        List<IndicatorResults.Computed> computed = executor(new FakeDevices(BYTES_PER_SYMBOL - 1), Transfers::upload, 6)
                .compute(jobs(), bars);

        assertEqualsCpuPath(computed, bars);
        assertTrue(computed.stream().allMatch(c -> c.backend().equals("cpu")));
        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).contains("not even one symbol fits"), warnings.get(0));
    }

    @Test
    void spreadsChunksAcrossDevicesAndStitchesThemInOrder() {
        TestBatch bars = TestBatch.random(7, SYMBOLS, BARS);
        FakeDevices two = new FakeDevices(3 * BYTES_PER_SYMBOL, 3 * BYTES_PER_SYMBOL);

        List<IndicatorResults.Computed> computed = executor(two, Transfers::upload, 6).compute(jobs(), bars);

        assertEqualsCpuPath(computed, bars);
        assertTrue(two.attachments.contains("candela-gpu-device-0->0"), two.attachments::toString);
        assertTrue(two.attachments.contains("candela-gpu-device-1->1"), two.attachments::toString);
    }

    @Test
    void computesSymbolsWithMissingBarsOnTheirOwnBarsLikeTheCpuPath() {
        TestBatch bars = TestBatch.random(8, SYMBOLS, BARS).withHole(2, 10, 30).withHole(5, 0, 7).withHole(9, 100, 120);

        List<IndicatorResults.Computed> computed = executor(new FakeDevices(4 * BYTES_PER_SYMBOL), Transfers::upload, 6)
                .compute(jobs(), bars);

        assertEqualsCpuPath(computed, bars);
        assertTrue(Double.isNaN(new IndicatorResults(computed).column("sma(14)", 2)[20]));
    }

    @Test
    void anEmptyBatchNeedsNoDevice() {
        TestBatch bars = TestBatch.random(9, 1, 0);

        List<IndicatorResults.Computed> computed = executor(new FakeDevices(0), Transfers::upload, 6)
                .compute(jobs(), bars);

        assertEquals(0, computed.get(0).output().array(0, 0).length);
        assertEquals(List.of(), warnings);
    }
}
