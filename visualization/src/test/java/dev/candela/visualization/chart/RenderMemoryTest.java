package dev.candela.visualization.chart;

import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The memory bounds the module's README documents: building and writing a chart of a 10-million-point
 * series allocates no more than a chart of a few thousand points does plus a small allowance, and
 * rendering over and over retains nothing.
 */
class RenderMemoryTest {
    private static final long MIB = 1024 * 1024;
    /** The documented bound on what one 1200x700 render allocates beyond its input, whatever its length. */
    private static final long RENDER_ALLOCATION_BOUND = 24 * MIB;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void renderingTenMillionPointsAllocatesWithinTheDocumentedBoundLikeASmallSeries() throws Exception {
        int n = 10_000_000;
        double[] x = new double[n];
        double[] y = new double[n];
        SplittableRandom random = new SplittableRandom(5);
        double level = 0;
        for (int i = 0; i < n; i++) {
            x[i] = i;
            level += random.nextGaussian();
            y[i] = level;
        }
        double[] smallX = new double[5_000];
        double[] smallY = new double[5_000];
        System.arraycopy(x, 0, smallX, 0, smallX.length);
        System.arraycopy(y, 0, smallY, 0, smallY.length);
        renderAllocation(smallX, smallY); // warm up fonts, caches and classes
        long small = renderAllocation(smallX, smallY);
        long large = renderAllocation(x, y);
        assertTrue(large <= RENDER_ALLOCATION_BOUND, "10M-point render allocated " + large / MIB + " MiB");
        // The reduction keeps the same number of points either way, so the cost is the same give or take
        // the reduction's own output arrays; 80 MB of input would show as tens of MiB.
        assertTrue(large - small <= 4 * MIB, "10M points: " + large + " B, 5,000 points: " + small + " B");
    }

    @Test
    void aThousandRendersRetainNoMemory() throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        double[] x = new double[20_000];
        double[] y = new double[20_000];
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            y[i] = random.nextGaussian();
        }
        ChartSize size = new ChartSize(320, 200);
        for (int i = 0; i < 100; i++) {
            render(x, y, size, i);
        }
        long before = retainedHeap(memory);
        for (int i = 100; i < 1_000; i++) {
            render(x, y, size, i);
        }
        long after = retainedHeap(memory);
        // Retaining even 10 KB per render would grow the heap by 9 MB here.
        assertTrue(after - before < 8 * MIB, "heap after 100 renders " + before / 1024 + " KiB, after 1,000 "
                + after / 1024 + " KiB");
    }

    private static void render(double[] x, double[] y, ChartSize size, int i) throws Exception {
        Chart chart = LineChart.builder().title("render " + i).line("y", x, y).size(size).build();
        if (i % 2 == 0) {
            chart.writePng(OutputStream.nullOutputStream());
        } else if (chart.toSvg().isEmpty()) {
            throw new AssertionError("empty SVG");
        }
    }

    private static long renderAllocation(double[] x, double[] y) throws Exception {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        LineChart.builder().title("series").line("y", x, y).size(ChartSize.DEFAULT).build()
                .writePng(OutputStream.nullOutputStream());
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }

    private static long retainedHeap(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
