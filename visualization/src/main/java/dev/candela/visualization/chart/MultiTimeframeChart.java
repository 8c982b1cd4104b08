package dev.candela.visualization.chart;

import dev.candela.core.data.OhlcvSeries;
import dev.candela.core.data.Resampler;
import dev.candela.core.data.Timeframe;
import dev.candela.visualization.density.CandleAggregation;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;

import java.util.List;
import java.util.Objects;

/**
 * The same market at several timeframes, one candle panel per timeframe stacked on a shared time axis:
 * e.g. 1h, 4h and 1d candles of one series. Higher timeframes are resampled from the series with the
 * core's {@link Resampler}; an unfinished last candle is drawn as it stands.
 */
public final class MultiTimeframeChart {

    private MultiTimeframeChart() {
    }

    /**
     * A chart of {@code series} at each of {@code timeframes}, in the order given.
     *
     * @throws IllegalArgumentException when a timeframe is not a multiple of the series' own
     */
    public static Chart of(OhlcvSeries series, List<Timeframe> timeframes, ChartSize size) {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(size, "size");
        if (timeframes.isEmpty()) {
            throw new IllegalArgumentException("at least one timeframe is needed");
        }
        if (series.isEmpty()) {
            throw new IllegalArgumentException("series " + series.symbol() + " has no bars to chart");
        }
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(ChartTheme.timeAxis());
        plot.setGap(8);
        for (Timeframe timeframe : timeframes) {
            OhlcvSeries candles = series.timeframe().filter(timeframe::equals).isPresent()
                    ? series
                    : Resampler.to(timeframe).resample(series).series();
            CandleAggregation.Candles merged = CandleAggregation.aggregate(candles, size.candleBudget());
            XYPlot panel = new XYPlot();
            ChartTheme.style(panel);
            panel.setRangeAxis(ChartTheme.valueAxis(timeframe.label()
                    + (merged.barsPerCandle() > 1 ? " (x" + merged.barsPerCandle() + ")" : "")));
            panel.setDataset(PriceChart.candleDataset(series.symbol() + " " + timeframe.label(), merged));
            panel.setRenderer(PriceChart.candleRenderer());
            plot.add(panel, 1);
        }
        JFreeChart chart = ChartTheme.chart(series.symbol() + " by timeframe", plot, false);
        return new RenderedChart(chart, size.width(), size.height());
    }
}
