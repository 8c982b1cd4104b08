package dev.candela.visualization.dashboard;

import dev.candela.core.io.ByteSizes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.candela.spi.TrainingListener.EpochEnded;
import dev.candela.spi.TrainingListener.TransferDone;
import dev.candela.visualization.chart.ChartSize;
import dev.candela.visualization.chart.RunCharts;
import dev.candela.visualization.run.OptimizerReport;
import dev.candela.visualization.run.TrainingRun;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Renders the dashboard as one self-contained HTML page: styles, script and charts (inline SVG) are all
 * in the file, and it loads nothing from the network. The live page is the same page plus a script that
 * replaces its content with each update the server pushes.
 */
final class DashboardPage {
    /** Metrics shown first, in this order, when a run has them; any others follow alphabetically. */
    static final List<String> PREFERRED_METRICS = List.of("oos.accuracy", "baseline.oos.accuracy", "oos.f1",
            "oos.loss", "val.accuracy", "val.loss", "trade.totalReturn", "buyhold.totalReturn", "trade.sharpe",
            "buyhold.sharpe", "trade.maxDrawdown", "buyhold.maxDrawdown", "trade.trades", "epochsToConverge",
            "baseline.epochsToConverge");
    static final int TOP_FUNCTIONS = 15;
    private static final ChartSize WIDE = new ChartSize(1100, 520);
    private static final ChartSize SHORT = new ChartSize(1100, 340);
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final String STYLE = resource("dashboard.css");
    private static final String LIVE_SCRIPT = resource("live.js");

    private DashboardPage() {
    }

    /** The whole page; {@code live} adds the script that follows the server's updates. */
    static String page(TrainingRun run, Optional<OptimizerReport> report, Optional<JsonNode> config, boolean live,
                       Instant now) {
        StringBuilder html = new StringBuilder(256 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                // An empty icon: browsers would otherwise ask the live server for /favicon.ico.
                .append("<link rel=\"icon\" href=\"data:,\">\n")
                .append("<title>").append(Html.escape(title(run))).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body")
                .append(live ? " data-live=\"true\"" : "").append(">\n<div id=\"content\">\n");
        content(html, run, report, config, now);
        html.append("</div>\n");
        if (live) {
            html.append("<div id=\"connection\" class=\"connection\">connecting\u2026</div>\n<script>\n").append(LIVE_SCRIPT).append("</script>\n");
        }
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    /** The part of the page that changes as the run goes on: everything inside {@code #content}. */
    static String content(TrainingRun run, Optional<OptimizerReport> report, Optional<JsonNode> config,
                          Instant now) {
        StringBuilder html = new StringBuilder(256 * 1024);
        content(html, run, report, config, now);
        return html.toString();
    }

    private static void content(StringBuilder html, TrainingRun run, Optional<OptimizerReport> report,
                                Optional<JsonNode> config, Instant now) {
        header(html, run, now);
        summary(html, run);
        buckets(html, run);
        trainingCharts(html, run);
        transfers(html, run);
        if (report.isPresent()) {
            suggestions(html, report.get());
            profile(html, report.get());
            resources(html, report.get());
        }
        config.ifPresent(c -> configuration(html, c));
    }

    static String title(TrainingRun run) {
        return "Candela run " + (run.runId().isEmpty() ? "(waiting)" : run.runId());
    }

    private static void header(StringBuilder html, TrainingRun run, Instant now) {
        String status = run.status().name().toLowerCase(java.util.Locale.ROOT);
        html.append("<header>\n<h1>").append(Html.escape(title(run))).append("</h1>\n")
                .append("<p class=\"status\"><span id=\"run-status\" class=\"badge ").append(status)
                .append("\" data-status=\"").append(status).append("\">").append(status).append("</span> ")
                .append(Html.escape(run.trainer().isEmpty() ? "" : run.trainer() + " trainer \u00b7 "))
                .append(run.endedBuckets()).append(" of ").append(run.bucketCount()).append(" buckets trained")
                .append(run.startedMillis() != 0 ? " \u00b7 started " + Html.time(run.startedMillis()) + " UTC" : "")
                .append(" \u00b7 updated ").append(Html.time(now.toEpochMilli())).append(" UTC</p>\n</header>\n");
    }

    private static void summary(StringBuilder html, TrainingRun run) {
        if (run.summary().isEmpty()) {
            return;
        }
        html.append("<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"cards\">\n");
        for (String key : ordered(run.summary().keySet())) {
            html.append("<div class=\"card\"><div class=\"value\">").append(Html.number(run.summary().get(key)))
                    .append("</div><div class=\"label\">").append(Html.escape(key)).append("</div></div>\n");
        }
        html.append("</div>\n</section>\n");
    }

    private static void buckets(StringBuilder html, TrainingRun run) {
        Set<String> keys = new LinkedHashSet<>();
        for (TrainingRun.Bucket b : run.buckets()) {
            keys.addAll(b.metrics().keySet());
        }
        List<String> metrics = ordered(keys);
        html.append("<section id=\"buckets\">\n<h2>Buckets</h2>\n");
        if (run.buckets().isEmpty()) {
            html.append("<p class=\"empty\">No bucket has started yet.</p>\n</section>\n");
            return;
        }
        html.append("<div class=\"scroll\"><table class=\"buckets\">\n<thead><tr><th>bucket</th><th>state</th>")
                .append("<th>from (UTC)</th><th>to (UTC)</th><th>train rows</th><th>validation rows</th>")
                .append("<th>epochs</th><th>last train loss</th><th>last validation loss</th>");
        for (String key : metrics) {
            html.append("<th>").append(Html.escape(key)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (TrainingRun.Bucket b : run.buckets()) {
            EpochEnded last = b.epochs().isEmpty() ? null : b.epochs().get(b.epochs().size() - 1);
            boolean over = run.status() == TrainingRun.Status.COMPLETED || run.status() == TrainingRun.Status.STOPPED;
            String state = b.ended() ? "trained" : over ? "interrupted" : "training";
            html.append("<tr data-bucket=\"").append(b.index()).append("\" class=\"").append(state).append("\">")
                    .append("<td>").append(b.index()).append("</td><td>").append(state).append("</td>")
                    .append("<td>").append(Html.time(b.fromMillis())).append("</td>")
                    .append("<td>").append(Html.time(b.toMillis())).append("</td>")
                    .append("<td>").append(Html.number(b.trainRows())).append("</td>")
                    .append("<td>").append(Html.number(b.validationRows())).append("</td>")
                    .append("<td>").append(b.ended() ? b.epochCount().getAsLong() : b.epochs().size()).append("</td>")
                    .append("<td>").append(Html.number(last == null ? Double.NaN : last.trainLoss())).append("</td>")
                    .append("<td>").append(Html.number(last == null ? Double.NaN : last.validationLoss()))
                    .append("</td>");
            for (String key : metrics) {
                html.append("<td>").append(Html.number(b.metric(key))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table></div>\n</section>\n");
    }

    private static void trainingCharts(StringBuilder html, TrainingRun run) {
        boolean anyEpoch = run.buckets().stream().anyMatch(b -> !b.epochs().isEmpty());
        boolean anyEnded = run.endedBuckets() > 0;
        if (!anyEpoch && !anyEnded) {
            return;
        }
        html.append("<section id=\"training-charts\">\n<h2>Training</h2>\n");
        if (anyEpoch) {
            figure(html, "chart-training", RunCharts.trainingCurves(run, WIDE).toSvgElement("chart-training"));
        }
        if (anyEnded) {
            figure(html, "chart-accuracy", RunCharts.bucketMetrics(run, List.of("oos.accuracy",
                    "baseline.oos.accuracy", "val.accuracy", "oos.f1"), "Accuracy per bucket (out of sample vs "
                    + "from-scratch baseline)", SHORT).toSvgElement("chart-accuracy"));
            if (run.buckets().stream().anyMatch(b -> b.metrics().containsKey("trade.sharpe")
                    || b.metrics().containsKey("trade.totalReturn"))) {
                figure(html, "chart-trading", RunCharts.bucketMetrics(run, List.of("trade.totalReturn",
                        "buyhold.totalReturn", "trade.sharpe", "buyhold.sharpe", "trade.maxDrawdown"),
                        "Trading per bucket (strategy vs buy and hold)", SHORT).toSvgElement("chart-trading"));
            }
        }
        html.append("</section>\n");
    }

    private static void transfers(StringBuilder html, TrainingRun run) {
        if (run.transfers().isEmpty()) {
            return;
        }
        html.append("<section id=\"transfers\">\n<h2>Transfers</h2>\n<table>\n<thead><tr><th>from bucket</th>")
                .append("<th>to bucket</th><th>mode</th><th>size</th></tr></thead>\n<tbody>\n");
        for (TransferDone t : run.transfers()) {
            html.append("<tr><td>").append(t.fromBucket()).append("</td><td>").append(t.toBucket())
                    .append("</td><td>").append(Html.escape(t.mode())).append("</td><td>")
                    .append(ByteSizes.format(t.bytes())).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private static void suggestions(StringBuilder html, OptimizerReport report) {
        html.append("<section id=\"suggestions\">\n<h2>Suggestions</h2>\n");
        if (report.suggestions().isEmpty()) {
            html.append("<p class=\"empty\">The optimizer has no suggestions for this run.</p>\n</section>\n");
            return;
        }
        html.append("<ul class=\"suggestions\">\n");
        for (OptimizerReport.Suggestion s : report.suggestions()) {
            String severity = s.severity() == null ? "info" : s.severity();
            html.append("<li class=\"").append(Html.escape(severity.replaceAll("[^A-Za-z0-9-]", ""))).append("\">")
                    .append("<span class=\"badge\">").append(Html.escape(severity)).append("</span> ")
                    .append("<strong>").append(Html.escape(nullToEmpty(s.message()))).append("</strong>")
                    .append(" <span class=\"rule\">").append(Html.escape(nullToEmpty(s.rule()))).append("</span>");
            if (s.evidence() != null && !s.evidence().isEmpty()) {
                html.append("<div class=\"evidence\">").append(Html.escape(s.evidence())).append("</div>");
            }
            if (s.action() != null && !s.action().isEmpty()) {
                html.append("<div class=\"action\">\u2192 ").append(Html.escape(s.action())).append("</div>");
            }
            html.append("</li>\n");
        }
        html.append("</ul>\n</section>\n");
    }

    private static void profile(StringBuilder html, OptimizerReport report) {
        if (report.profile().isEmpty()) {
            return;
        }
        List<OptimizerReport.ProfileEntry> top = report.profile().stream()
                .sorted(Comparator.comparingLong(OptimizerReport.ProfileEntry::totalNanos).reversed())
                .limit(TOP_FUNCTIONS).toList();
        html.append("<section id=\"profile\">\n<h2>Profile</h2>\n<p>Wall time ").append(Html.millis(report.wallNanos()))
                .append(" ms \u00b7 ").append(Html.escape(String.join(" ", report.command()))).append("</p>\n");
        figure(html, "chart-profile", RunCharts.topFunctions(report, Math.min(TOP_FUNCTIONS, top.size()),
                new ChartSize(1100, Math.max(240, 70 + 26 * top.size()))).toSvgElement("chart-profile"));
        html.append("<div class=\"scroll\"><table>\n<thead><tr><th>function</th><th>calls</th><th>total ms</th>")
                .append("<th>self ms</th><th>mean ms</th><th>p50 ms</th><th>p95 ms</th><th>p99 ms</th>")
                .append("<th>max ms</th><th>share</th></tr></thead>\n<tbody>\n");
        for (OptimizerReport.ProfileEntry e : top) {
            html.append("<tr><td class=\"name\">").append(Html.escape(nullToEmpty(e.name()))).append("</td><td>")
                    .append(Html.number(e.calls())).append("</td><td>").append(Html.millis(e.totalNanos()))
                    .append("</td><td>").append(Html.millis(e.selfNanos())).append("</td><td>")
                    .append(Html.millis(e.meanNanos())).append("</td><td>").append(Html.millis(e.p50Nanos()))
                    .append("</td><td>").append(Html.millis(e.p95Nanos())).append("</td><td>")
                    .append(Html.millis(e.p99Nanos())).append("</td><td>").append(Html.millis(e.maxNanos()))
                    .append("</td><td>").append(Html.percent(e.share())).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table></div>\n</section>\n");
    }

    private static void resources(StringBuilder html, OptimizerReport report) {
        OptimizerReport.Resources resources = report.resources();
        OptimizerReport.ResourceSummary s = resources.summary();
        if (s == null && resources.samples().isEmpty()) {
            return;
        }
        OptimizerReport.Hardware hw = report.hardware();
        html.append("<section id=\"resources\">\n<h2>Resources</h2>\n<p>")
                .append(Html.escape(hw.cpuModel().isEmpty() ? "CPU" : hw.cpuModel())).append(", ")
                .append(hw.logicalCores()).append(" logical cores, ").append(ByteSizes.format(hw.memoryBytes()))
                .append(" memory").append(hw.gpus().isEmpty() ? ", no GPU" : ", " + hw.gpus().size() + " GPU(s)")
                .append(" \u00b7 sampled every ").append(resources.intervalMillis()).append(" ms</p>\n");
        if (s != null) {
            html.append("<div class=\"cards\">\n");
            card(html, Html.percent(s.processCpuMean()) + " / " + Html.percent(s.processCpuMax()),
                    "process CPU mean / max");
            card(html, Html.percent(s.systemCpuMean()), "system CPU mean");
            card(html, ByteSizes.format(s.heapUsedMaxBytes()) + " / " + ByteSizes.format(s.heapMaxBytes()), "heap used max / heap max");
            card(html, ByteSizes.format(s.offHeapMaxBytes()), "off-heap max");
            card(html, ByteSizes.format(s.systemMemoryUsedMaxBytes()) + " / " + ByteSizes.format(s.systemMemoryTotalBytes()),
                    "system memory used max / total");
            card(html, Html.percent(s.gcTimeShare()), "time in GC");
            card(html, ByteSizes.format((long) s.diskReadBytesPerSecMean()) + "/s \u00b7 "
                    + ByteSizes.format((long) s.diskWriteBytesPerSecMean()) + "/s", "disk read \u00b7 write mean");
            for (int g = 0; g < s.gpuMemoryUsedMaxBytes().size(); g++) {
                card(html, ByteSizes.format(s.gpuMemoryUsedMaxBytes().get(g)), "GPU " + g + " memory used max");
            }
            html.append("</div>\n");
        }
        if (resources.samples().size() >= 2) {
            figure(html, "chart-resources", RunCharts.resourceUsage(report, WIDE).toSvgElement("chart-resources"));
        }
        if (!report.actions().isEmpty()) {
            html.append("<h3>Optimizer actions</h3>\n<table>\n<thead><tr><th>time (UTC)</th><th>action</th>")
                    .append("<th>trigger</th><th>detail</th><th>released</th></tr></thead>\n<tbody>\n");
            for (OptimizerReport.Action a : report.actions()) {
                html.append("<tr><td>").append(Html.time(a.timeMillis())).append("</td><td>")
                        .append(Html.escape(nullToEmpty(a.kind()))).append("</td><td>")
                        .append(Html.escape(nullToEmpty(a.trigger()))).append("</td><td>")
                        .append(Html.escape(nullToEmpty(a.detail()))).append("</td><td>")
                        .append(ByteSizes.format(a.bytesReleased())).append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        }
        html.append("</section>\n");
    }

    private static void configuration(StringBuilder html, JsonNode config) {
        String text;
        try {
            text = JSON.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree failed to print", e);
        }
        html.append("<section id=\"configuration\">\n<h2>Configuration</h2>\n<details><summary>config.json</summary>")
                .append("<pre>").append(Html.escape(text)).append("</pre></details>\n</section>\n");
    }

    private static void card(StringBuilder html, String value, String label) {
        html.append("<div class=\"card\"><div class=\"value\">").append(Html.escape(value))
                .append("</div><div class=\"label\">").append(Html.escape(label)).append("</div></div>\n");
    }

    private static void figure(StringBuilder html, String id, String svg) {
        html.append("<figure class=\"chart\" id=\"").append(id).append("-figure\">").append(svg).append("</figure>\n");
    }

    /** {@code keys} with the {@link #PREFERRED_METRICS} first in their order, then the rest alphabetically. */
    static List<String> ordered(Set<String> keys) {
        List<String> out = new ArrayList<>();
        for (String key : PREFERRED_METRICS) {
            if (keys.contains(key)) {
                out.add(key);
            }
        }
        TreeSet<String> rest = new TreeSet<>(keys);
        rest.removeAll(PREFERRED_METRICS);
        out.addAll(rest);
        return out;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String resource(String name) {
        try (InputStream in = DashboardPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to " + DashboardPage.class);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
