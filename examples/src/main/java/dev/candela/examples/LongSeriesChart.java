package dev.candela.examples;

import dev.candela.visualization.chart.Chart;
import dev.candela.visualization.chart.ChartSize;
import dev.candela.visualization.chart.LineChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

/**
 * Memory-optimised visualisation of a long series: ten million prices drawn as a line chart. The chart
 * keeps one point per horizontal pixel, chosen by Largest-Triangle-Three-Buckets (spikes and the global
 * extremes survive), so drawing costs the same whatever the length of the series and nothing is copied
 * from the caller's arrays.
 *
 * <pre>{@code ./candela example long-series --points 10000000 --out long-series.png}</pre>
 */
@Command(name = "long-series", mixinStandardHelpOptions = true,
        description = "Draw a very long price series within a small, fixed memory budget (LTTB reduction).")
public final class LongSeriesChart implements Callable<Integer> {

    @Option(names = "--points", defaultValue = "10000000", description = "Length of the series (default: ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--out", defaultValue = "long-series.png", description = "PNG or SVG file (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--width", defaultValue = "1600", description = "Chart width in pixels (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "600", description = "Chart height in pixels (default: ${DEFAULT-VALUE}).")
    int height;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (points < 3) {
            throw new IllegalArgumentException("--points must be at least 3, got " + points);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        double[] time = new double[points];
        double[] price = new double[points];
        randomWalkWithSpikes(time, price, 42);

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long allocatedBefore = threads.getThreadAllocatedBytes(thread);
        long started = System.nanoTime();
        ChartSize size = new ChartSize(width, height);
        Chart chart = LineChart.builder().title(String.format(Locale.ROOT, "%,d points", points))
                .valueLabel("price").timeAxis(false).size(size).line("price", time, price).build();
        chart.write(out);
        long millis = (System.nanoTime() - started) / 1_000_000;
        long allocated = threads.getThreadAllocatedBytes(thread) - allocatedBefore;

        stdout.printf(Locale.ROOT, "series: %,d points (%,d MiB of input arrays)%n", points, 16L * points >> 20);
        stdout.printf(Locale.ROOT, "drawn: at most %,d points (one per horizontal pixel, LTTB)%n", size.pointBudget());
        stdout.printf(Locale.ROOT, "render: %,d ms, %,.1f MiB allocated while reducing, drawing and encoding%n",
                millis, allocated / 1048576.0);
        stdout.printf(Locale.ROOT, "wrote %s%n", out);
        stdout.flush();
        return 0;
    }

    /** A seeded geometric random walk with a few isolated spikes that a naive decimation would drop. */
    static void randomWalkWithSpikes(double[] time, double[] price, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double p = 100.0;
        for (int i = 0; i < price.length; i++) {
            p *= Math.exp(0.0005 * (random.nextDouble() * 2 - 1));
            time[i] = i;
            price[i] = p;
        }
        for (int k = 1; k <= 5; k++) {
            int at = (int) ((long) price.length * k / 6);
            price[at] *= k % 2 == 0 ? 0.7 : 1.4;
        }
    }
}
