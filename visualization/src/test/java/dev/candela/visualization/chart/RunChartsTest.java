package dev.candela.visualization.chart;

import dev.candela.visualization.run.OptimizerReport;
import dev.candela.visualization.run.OptimizerReportReader;
import dev.candela.visualization.run.RunFixtures;
import dev.candela.visualization.run.TrainingRun;
import dev.candela.visualization.run.TrainingRunReader;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunChartsTest {
    private static final ChartSize SIZE = new ChartSize(1000, 500);

    @Test
    void trainingCurvesMarkEveryBucketAndLabelTransfersWithModeAndSize() throws Exception {
        TrainingRun run = TrainingRunReader.read(RunFixtures.sampleRun());
        String svg = RunCharts.trainingCurves(run, SIZE).toSvg();
        assertTrue(svg.contains(">bucket 0<"), "bucket 0 has no transfer into it");
        for (int b = 1; b < RunFixtures.SAMPLE_BUCKETS; b++) {
            long bytes = 48213 + b;
            String label = ">bucket " + b + " \u2190 full " + String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / 1024.0) + "<";
            assertTrue(svg.contains(label), "no label " + label);
        }
        for (String series : List.of("train loss", "validation loss", "validation accuracy", "validation f1")) {
            assertTrue(svg.contains(">" + series + "<"), "no series " + series);
        }
    }

    @Test
    void bucketMetricsLeaveOutMetricsNoBucketHas() throws Exception {
        TrainingRun run = TrainingRunReader.read(RunFixtures.sampleRun());
        String svg = RunCharts.bucketMetrics(run, List.of("oos.accuracy", "no.such.metric"), "Accuracy", SIZE).toSvg();
        assertTrue(svg.contains(">oos.accuracy<"));
        assertFalse(svg.contains("no.such.metric"));
    }

    @Test
    void resourceUsageAddsAGpuPanelOnlyWhenSamplesHaveGpus() throws Exception {
        OptimizerReport report = OptimizerReportReader.readFromRun(RunFixtures.sampleRun()).orElseThrow();
        String cpuOnly = RunCharts.resourceUsage(report, SIZE).toSvg();
        assertTrue(cpuOnly.contains(">heap used MiB<") && cpuOnly.contains(">process CPU %<"));
        assertFalse(cpuOnly.contains("GPU 0 memory MiB"));
        assertTrue(cpuOnly.contains(">memory-cleanup<"), "the optimizer's action is marked");

        List<OptimizerReport.ResourceSample> withGpu = new ArrayList<>();
        for (OptimizerReport.ResourceSample s : report.resources().samples()) {
            withGpu.add(new OptimizerReport.ResourceSample(s.timeMillis(), s.processCpu(), s.systemCpu(),
                    s.systemMemoryUsedBytes(), s.systemMemoryTotalBytes(), s.heapUsedBytes(), s.heapMaxBytes(),
                    s.gcTimeMillis(), s.offHeapBytes(), s.diskReadBytesPerSec(), s.diskWriteBytesPerSec(),
                    List.of(new OptimizerReport.GpuSample(0, "H100", 1L << 30, 80L << 30))));
        }
        OptimizerReport gpu = new OptimizerReport(report.schema(), 1, report.createdAt(), report.command(),
                report.wallNanos(), report.hardware(), report.profile(), new OptimizerReport.Resources(500,
                report.resources().summary(), withGpu), report.actions(), report.suggestions());
        assertTrue(RunCharts.resourceUsage(gpu, SIZE).toSvg().contains(">GPU 0 memory MiB<"));
    }

    @Test
    void topFunctionsShowsOnlyTheMostExpensive() throws Exception {
        OptimizerReport report = OptimizerReportReader.readFromRun(RunFixtures.sampleRun()).orElseThrow();
        String svg = RunCharts.topFunctions(report, 2, SIZE).toSvg();
        assertTrue(svg.contains(">training.fit<") && svg.contains(">features.build<"));
        assertFalse(svg.contains("indicators.compute"));
        assertEquals(2, report.profile().stream().filter(e -> svg.contains(">" + e.name() + "<")).count());
    }
}
