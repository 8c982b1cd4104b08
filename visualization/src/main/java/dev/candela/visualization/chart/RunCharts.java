package dev.candela.visualization.chart;

import dev.candela.core.io.ByteSizes;
import dev.candela.spi.TrainingListener.EpochEnded;
import dev.candela.spi.TrainingListener.TransferDone;
import dev.candela.visualization.run.OptimizerReport;
import dev.candela.visualization.run.TrainingRun;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Charts of a training run and of the optimizer's report: training curves across buckets, metrics per
 * bucket, resource use over time and the most expensive profiled functions.
 */
public final class RunCharts {
    private static final double MIB = 1024.0 * 1024.0;

    private RunCharts() {
    }

    /**
     * Training and validation loss of every epoch, bucket after bucket on one axis, with a panel of the
     * epochs' validation metrics below. A dashed line marks where each bucket begins; a coloured one
     * where knowledge was transferred into it, labelled with the transfer's mode and size.
     */
    public static Chart trainingCurves(TrainingRun run, ChartSize size) {
        Objects.requireNonNull(run, "run");
        int total = 0;
        for (TrainingRun.Bucket b : run.buckets()) {
            total += b.epochs().size();
        }
        double[] x = new double[total];
        double[] trainLoss = new double[total];
        double[] validationLoss = new double[total];
        Set<String> metricNames = new LinkedHashSet<>();
        List<EpochEnded> all = new ArrayList<>(total);
        List<double[]> starts = new ArrayList<>();
        int i = 0;
        for (TrainingRun.Bucket b : run.buckets()) {
            starts.add(new double[] {b.index(), i + 0.5});
            for (EpochEnded e : b.epochs()) {
                x[i] = i + 1;
                trainLoss[i] = e.trainLoss();
                validationLoss[i] = e.validationLoss();
                metricNames.addAll(e.metrics().keySet());
                all.add(e);
                i++;
            }
        }
        ReducedLines losses = new ReducedLines(size.pointBudget())
                .add("train loss", x, trainLoss)
                .add("validation loss", x, validationLoss);
        NumberAxis epochs = ChartTheme.valueAxis("epoch (all buckets)");
        epochs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(epochs);
        plot.setGap(8);
        XYPlot lossPlot = new XYPlot(losses.dataset(), null, ChartTheme.valueAxis("loss"), ChartTheme.lines(0, 2));
        ChartTheme.style(lossPlot);
        plot.add(lossPlot, 2);
        List<XYPlot> panels = new ArrayList<>(List.of(lossPlot));
        if (!metricNames.isEmpty()) {
            ReducedLines metrics = new ReducedLines(size.pointBudget());
            for (String name : metricNames) {
                double[] values = new double[total];
                for (int k = 0; k < total; k++) {
                    Double v = all.get(k).metrics().get(name);
                    values[k] = v != null ? v : Double.NaN;
                }
                metrics.add("validation " + name, x, values);
            }
            XYPlot metricPlot = new XYPlot(metrics.dataset(), null, ChartTheme.valueAxis("validation metrics"),
                    ChartTheme.lines(2, metrics.seriesCount()));
            ChartTheme.style(metricPlot);
            plot.add(metricPlot, 1);
            panels.add(metricPlot);
        }
        for (double[] start : starts) {
            int bucket = (int) start[0];
            TransferDone transfer = run.transfers().stream().filter(t -> t.toBucket() == bucket).findFirst()
                    .orElse(null);
            for (int p = 0; p < panels.size(); p++) {
                boolean labelled = p == 0;
                ValueMarker marker = transfer == null
                        ? marker(start[1], ChartTheme.MARKER, labelled ? "bucket " + bucket : null)
                        : marker(start[1], ChartTheme.TRANSFER, labelled ? "bucket " + bucket + " \u2190 "
                                + transfer.mode() + " " + ByteSizes.format(transfer.bytes()) : null);
                panels.get(p).addDomainMarker(marker);
            }
        }
        String title = "Training curves" + (run.runId().isEmpty() ? "" : " \u2014 " + run.runId());
        return new RenderedChart(ChartTheme.chart(title, plot, true), size.width(), size.height());
    }

    /**
     * The given metrics of each ended bucket, one line each against the bucket index, e.g.
     * {@code oos.accuracy} beside {@code baseline.oos.accuracy}. Metrics no bucket has are left out.
     */
    public static Chart bucketMetrics(TrainingRun run, List<String> keys, String title, ChartSize size) {
        Objects.requireNonNull(run, "run");
        List<TrainingRun.Bucket> ended = run.buckets().stream().filter(TrainingRun.Bucket::ended).toList();
        double[] x = new double[ended.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = ended.get(i).index();
        }
        ReducedLines lines = new ReducedLines(size.pointBudget());
        for (String key : keys) {
            if (ended.stream().anyMatch(b -> b.metrics().containsKey(key))) {
                double[] values = new double[x.length];
                for (int i = 0; i < x.length; i++) {
                    values[i] = ended.get(i).metric(key);
                }
                lines.add(key, x, values);
            }
        }
        NumberAxis buckets = ChartTheme.valueAxis("bucket");
        buckets.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYLineAndShapeRenderer renderer = ChartTheme.lines(0, lines.seriesCount());
        for (int s = 0; s < lines.seriesCount(); s++) {
            renderer.setSeriesShapesVisible(s, true);
            renderer.setSeriesShape(s, new Ellipse2D.Double(-3, -3, 6, 6));
        }
        XYPlot plot = new XYPlot(lines.dataset(), buckets, ChartTheme.valueAxis(""), renderer);
        ChartTheme.style(plot);
        return new RenderedChart(ChartTheme.chart(title, plot, true), size.width(), size.height());
    }

    /**
     * Resource use over the report's samples: process and system CPU (percent), heap, off-heap and
     * system memory (MiB), and each GPU's memory (MiB) when there are GPUs; the optimizer's actions are
     * marked on the time axis.
     */
    public static Chart resourceUsage(OptimizerReport report, ChartSize size) {
        Objects.requireNonNull(report, "report");
        List<OptimizerReport.ResourceSample> samples = report.resources().samples();
        int n = samples.size();
        double[] time = new double[n];
        double[] processCpu = new double[n];
        double[] systemCpu = new double[n];
        double[] heap = new double[n];
        double[] offHeap = new double[n];
        double[] systemMemory = new double[n];
        int gpuCount = 0;
        for (int i = 0; i < n; i++) {
            OptimizerReport.ResourceSample s = samples.get(i);
            time[i] = s.timeMillis();
            processCpu[i] = 100 * s.processCpu();
            systemCpu[i] = 100 * s.systemCpu();
            heap[i] = s.heapUsedBytes() / MIB;
            offHeap[i] = s.offHeapBytes() / MIB;
            systemMemory[i] = s.systemMemoryUsedBytes() / MIB;
            for (OptimizerReport.GpuSample g : s.gpus()) {
                gpuCount = Math.max(gpuCount, g.index() + 1);
            }
        }
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(ChartTheme.timeAxis());
        plot.setGap(8);
        List<XYPlot> panels = new ArrayList<>();
        ReducedLines cpu = new ReducedLines(size.pointBudget()).add("process CPU %", time, processCpu)
                .add("system CPU %", time, systemCpu);
        panels.add(panel(cpu, "CPU %", 0));
        ReducedLines memory = new ReducedLines(size.pointBudget()).add("heap used MiB", time, heap)
                .add("off-heap MiB", time, offHeap).add("system memory used MiB", time, systemMemory);
        panels.add(panel(memory, "memory MiB", 2));
        if (gpuCount > 0) {
            ReducedLines gpu = new ReducedLines(size.pointBudget());
            for (int g = 0; g < gpuCount; g++) {
                double[] used = new double[n];
                for (int i = 0; i < n; i++) {
                    used[i] = Double.NaN;
                    for (OptimizerReport.GpuSample s : samples.get(i).gpus()) {
                        if (s.index() == g) {
                            used[i] = s.usedBytes() / MIB;
                        }
                    }
                }
                gpu.add("GPU " + g + " memory MiB", time, used);
            }
            panels.add(panel(gpu, "GPU memory MiB", 5));
        }
        for (XYPlot panel : panels) {
            plot.add(panel, 1);
        }
        for (OptimizerReport.Action action : report.actions()) {
            for (int p = 0; p < panels.size(); p++) {
                panels.get(p).addDomainMarker(marker(action.timeMillis(), ChartTheme.TRANSFER,
                        p == 0 ? action.kind() : null));
            }
        }
        return new RenderedChart(ChartTheme.chart("Resource use", plot, true), size.width(), size.height());
    }

    /** The {@code limit} profiled functions with the most total time, as bars of total and self milliseconds. */
    public static Chart topFunctions(OptimizerReport report, int limit, ChartSize size) {
        Objects.requireNonNull(report, "report");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        report.profile().stream()
                .sorted(Comparator.comparingLong(OptimizerReport.ProfileEntry::totalNanos).reversed())
                .limit(limit)
                .forEach(e -> {
                    dataset.addValue(e.totalNanos() / 1e6, "total ms", e.name());
                    dataset.addValue(e.selfNanos() / 1e6, "self ms", e.name());
                });
        CategoryAxis functions = new CategoryAxis();
        functions.setTickLabelFont(ChartTheme.LABEL_FONT);
        functions.setMaximumCategoryLabelWidthRatio(0.45f);
        NumberAxis millis = ChartTheme.valueAxis("milliseconds");
        millis.setAutoRangeIncludesZero(true);
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, ChartTheme.series(0));
        bars.setSeriesPaint(1, ChartTheme.series(1));
        CategoryPlot plot = new CategoryPlot(dataset, functions, millis, bars);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(ChartTheme.BACKGROUND);
        plot.setRangeGridlinePaint(ChartTheme.GRID);
        plot.setOutlineVisible(false);
        String title = String.format(Locale.ROOT, "Top %d functions by total time", limit);
        return new RenderedChart(ChartTheme.chart(title, plot, true), size.width(), size.height());
    }

    private static XYPlot panel(ReducedLines lines, String label, int colour) {
        XYPlot plot = new XYPlot(lines.dataset(), null, ChartTheme.valueAxis(label),
                ChartTheme.lines(colour, lines.seriesCount()));
        ChartTheme.style(plot);
        return plot;
    }

    private static ValueMarker marker(double at, Paint paint, String label) {
        ValueMarker marker = new ValueMarker(at, paint, ChartTheme.DASHED);
        if (label != null) {
            marker.setLabel(label);
            marker.setLabelFont(ChartTheme.LABEL_FONT);
            marker.setLabelPaint(paint);
            marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        }
        return marker;
    }

}
