package dev.candela.cli;

import dev.candela.core.Candela;
import dev.candela.core.compute.IndicatorResults;
import dev.candela.core.data.OhlcvSeries;
import dev.candela.core.data.Timeframe;
import dev.candela.visualization.chart.Chart;
import dev.candela.visualization.chart.ChartFormat;
import dev.candela.visualization.chart.ChartSize;
import dev.candela.visualization.chart.MultiTimeframeChart;
import dev.candela.visualization.chart.PriceChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code candela chart}: a price chart with indicators, or a multi-timeframe view, as PNG or SVG. */
@Command(name = "chart", mixinStandardHelpOptions = true,
        description = {"Chart candles (or the close) of a CSV, or of the embedded synthetic market, with indicators: "
                + "overlap studies such as bbands and ema over the price, others such as rsi and macd in panels below.",
                "The format follows --out's extension (.png or .svg). Series longer than the chart is wide are "
                        + "reduced first (candles merged, lines by Largest-Triangle-Three-Buckets), so highs, lows and "
                        + "spikes stay visible."})
final class ChartCommand implements Callable<Integer> {

    @ParentCommand
    CandelaCli parent;

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Option(names = "--indicators", paramLabel = "SPECS",
            description = "Comma-separated specs, e.g. \"bbands(20,2),ema(50),rsi(14),macd(12,26,9)\".")
    String indicators;

    @Option(names = "--timeframes", paramLabel = "TF,...", split = ",", converter = TimeframeConverter.class,
            description = "Draw a multi-timeframe view instead: one candle panel per timeframe, e.g. 1h,4h,1d.")
    List<Timeframe> timeframes;

    @Option(names = "--style", paramLabel = "candles|line", defaultValue = "candles",
            description = "How to draw the price (default: ${DEFAULT-VALUE}).")
    PriceChart.Style style;

    @Option(names = "--last", paramLabel = "BARS", defaultValue = "0",
            description = "Show only the last BARS bars; indicators are computed on the whole series first.")
    int last;

    @Option(names = "--width", paramLabel = "PIXELS", defaultValue = "1200", description = "Width (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", paramLabel = "PIXELS", defaultValue = "700", description = "Height (default: ${DEFAULT-VALUE}).")
    int height;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE",
            description = "Output chart.png or chart.svg (written atomically).")
    Path out;

    @Override
    public Integer call() throws Exception {
        ChartFormat format = ChartFormat.of(out);
        ChartSize size = new ChartSize(width, height);
        if (last < 0) {
            throw new ParameterException(spec.commandLine(), "--last must not be negative, got " + last);
        }
        if (timeframes != null && indicators != null) {
            throw new ParameterException(spec.commandLine(),
                    "--timeframes draws candles only; leave out --indicators, or chart one timeframe with them");
        }
        OhlcvSeries series = input.series();
        String source = input.input != null ? input.input.toString() : "synthetic " + series.symbol();
        Chart chart;
        String detail;
        if (timeframes != null) {
            chart = MultiTimeframeChart.of(last > 0 ? series.slice(Math.max(0, series.size() - last), series.size())
                    : series, timeframes, size);
            detail = timeframes.size() + " timeframes";
        } else {
            PriceChart.Builder builder = PriceChart.builder(series).style(style).size(size).lastBars(last);
            int count = 0;
            if (indicators != null && !indicators.isBlank()) {
                try (Candela candela = parent.global.runtime()) {
                    IndicatorResults results = candela.compute().compute(candela.registry().resolveAll(indicators),
                            series);
                    builder.indicators(results);
                    count = results.computed().size();
                }
            }
            chart = builder.build();
            detail = count + " indicators";
        }
        chart.write(out);
        spec.commandLine().getOut().printf("%s: %d bars, %s -> %s (%s, %dx%d)%n", source, series.size(), detail, out,
                format.name().toLowerCase(java.util.Locale.ROOT), size.width(), size.height());
        return ExitCode.OK;
    }
}
