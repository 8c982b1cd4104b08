package dev.candela.visualization.chart;

import dev.candela.core.compute.IndicatorResults;
import dev.candela.core.data.OhlcvSeries;
import dev.candela.spi.Category;
import dev.candela.spi.PriceField;
import dev.candela.visualization.density.CandleAggregation;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.CandlestickRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultHighLowDataset;
import org.jfree.data.xy.XYBarDataset;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A price chart: candles or a close line, indicator lines drawn over the price (Bollinger bands, moving
 * averages) and indicators in panels of their own below it (RSI, MACD), all on one time axis.
 *
 * <pre>{@code
 * Chart chart = PriceChart.builder(series)
 *         .indicators(results)               // overlays and panels chosen by each indicator's category
 *         .size(new ChartSize(1600, 900))
 *         .build();
 * chart.write(Path.of("chart.svg"));
 * }</pre>
 *
 * <p>More bars than the chart has room for are merged with {@link CandleAggregation} (candles) or reduced
 * with Largest-Triangle-Three-Buckets (lines), so highs, lows and spikes stay visible.
 */
public final class PriceChart {

    /** How the price itself is drawn. */
    public enum Style {
        /** Open-high-low-close candles. */
        CANDLES,
        /** A line through the closes. */
        LINE
    }

    private PriceChart() {
    }

    /** A builder for a chart of {@code series}. */
    public static Builder builder(OhlcvSeries series) {
        return new Builder(series);
    }

    /**
     * A panel below the price: lines sharing one value axis, optional horizontal guide lines (e.g. RSI's
     * 30 and 70), and outputs drawn as bars (e.g. a MACD histogram).
     *
     * @param title  the value axis label
     * @param lines  values per name, one per bar of the series ({@code NaN} for none)
     * @param bars   names in {@code lines} drawn as bars instead of lines
     * @param guides values at which to draw dashed horizontal lines
     */
    public record Panel(String title, Map<String, double[]> lines, List<String> bars, List<Double> guides) {
        public Panel {
            Objects.requireNonNull(title, "title");
            lines = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(lines));
            bars = List.copyOf(bars);
            guides = List.copyOf(guides);
        }
    }

    /** Collects what the chart shows. */
    public static final class Builder {
        private final OhlcvSeries series;
        private String title;
        private Style style = Style.CANDLES;
        private ChartSize size = ChartSize.DEFAULT;
        private int lastBars;
        private final Map<String, double[]> overlays = new LinkedHashMap<>();
        private final List<Panel> panels = new ArrayList<>();

        private Builder(OhlcvSeries series) {
            this.series = Objects.requireNonNull(series, "series");
            if (series.isEmpty()) {
                throw new IllegalArgumentException("series " + series.symbol() + " has no bars to chart");
            }
            this.title = series.symbol() + series.timeframe().map(tf -> " " + tf.label()).orElse("");
        }

        /** The chart's title; default: symbol and timeframe. */
        public Builder title(String value) {
            title = Objects.requireNonNull(value, "title");
            return this;
        }

        /** Candles (default) or a close line. */
        public Builder style(Style value) {
            style = Objects.requireNonNull(value, "style");
            return this;
        }

        /** The chart's size; default {@link ChartSize#DEFAULT}. */
        public Builder size(ChartSize value) {
            size = Objects.requireNonNull(value, "size");
            return this;
        }

        /**
         * Shows only the last {@code bars} bars (0, the default, shows all). Indicators are still given for
         * the whole series, so that the window shows them past their warm-up.
         */
        public Builder lastBars(int bars) {
            if (bars < 0) {
                throw new IllegalArgumentException("lastBars must not be negative, got " + bars);
            }
            lastBars = bars;
            return this;
        }

        /** Draws {@code values} (one per bar) over the price. */
        public Builder overlay(String name, double[] values) {
            overlays.put(Objects.requireNonNull(name, "name"), checkLength(name, values));
            return this;
        }

        /** Adds a panel below the price. */
        public Builder panel(Panel panel) {
            Objects.requireNonNull(panel, "panel");
            panel.lines().forEach(this::checkLength);
            panels.add(panel);
            return this;
        }

        /**
         * Adds every computed indicator: overlap studies (moving averages, bands, SAR) over the price,
         * any other indicator in a panel of its own, outputs named {@code hist} as bars, and the 30/70
         * levels of oscillators bounded by 0 and 100 that use them (RSI, MFI) as guides.
         */
        public Builder indicators(IndicatorResults results) {
            for (IndicatorResults.Computed c : results.computed()) {
                List<String> names = c.indicator().columnNames();
                if (c.indicator().indicator().category() == Category.OVERLAP) {
                    for (String name : names) {
                        overlay(name, results.column(name, 0));
                    }
                    continue;
                }
                Map<String, double[]> lines = new LinkedHashMap<>();
                List<String> bars = new ArrayList<>();
                List<String> outputs = c.indicator().indicator().outputs();
                for (int k = 0; k < names.size(); k++) {
                    lines.put(names.get(k), results.column(names.get(k), 0));
                    if (outputs.get(k).toLowerCase(Locale.ROOT).equals("hist")) {
                        bars.add(names.get(k));
                    }
                }
                String id = c.indicator().indicator().id().toLowerCase(Locale.ROOT);
                List<Double> guides = id.equals("rsi") || id.equals("mfi") ? List.of(30.0, 70.0) : List.of();
                panel(new Panel(c.indicator().spec(), lines, bars, guides));
            }
            return this;
        }

        /** Builds the chart; the data is reduced to the chart's budget here. */
        public Chart build() {
            int from = lastBars == 0 ? 0 : Math.max(0, series.size() - lastBars);
            OhlcvSeries series = from == 0 ? this.series : this.series.slice(from, this.series.size());
            Map<String, double[]> overlays = window(this.overlays, from);
            List<Panel> panels = new ArrayList<>(this.panels.size());
            for (Panel p : this.panels) {
                panels.add(new Panel(p.title(), window(p.lines(), from), p.bars(), p.guides()));
            }
            double[] x = timesOf(series);
            XYPlot price = new XYPlot();
            ChartTheme.style(price);
            price.setRangeAxis(ChartTheme.valueAxis("price"));
            if (style == Style.CANDLES) {
                CandleAggregation.Candles candles = CandleAggregation.aggregate(series, size.candleBudget());
                price.setDataset(0, candleDataset(series.symbol(), candles));
                price.setRenderer(0, candleRenderer());
            } else {
                price.setDataset(0, new ReducedLines(size.pointBudget())
                        .add(series.symbol() + " close", x, series.column(PriceField.CLOSE).toArray()).dataset());
                XYLineAndShapeRenderer close = ChartTheme.lines(0, 1);
                close.setSeriesPaint(0, ChartTheme.TEXT);
                price.setRenderer(0, close);
            }
            if (!overlays.isEmpty()) {
                ReducedLines lines = new ReducedLines(size.pointBudget());
                overlays.forEach((name, values) -> lines.add(name, x, values));
                price.setDataset(1, lines.dataset());
                price.setRenderer(1, ChartTheme.lines(1, lines.seriesCount()));
                price.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
            }
            CombinedDomainXYPlot plot = new CombinedDomainXYPlot(ChartTheme.timeAxis());
            plot.setGap(8);
            plot.add(price, 3);
            int colour = 1 + overlays.size();
            for (Panel panel : panels) {
                plot.add(panelPlot(panel, x, colour), 1);
                colour += panel.lines().size();
            }
            JFreeChart chart = ChartTheme.chart(title, plot, !overlays.isEmpty() || !panels.isEmpty()
                    || style == Style.LINE);
            return new RenderedChart(chart, size.width(), size.height());
        }

        private static Map<String, double[]> window(Map<String, double[]> lines, int from) {
            if (from == 0) {
                return lines;
            }
            Map<String, double[]> out = new LinkedHashMap<>();
            lines.forEach((name, values) -> out.put(name, java.util.Arrays.copyOfRange(values, from, values.length)));
            return out;
        }

        private XYPlot panelPlot(Panel panel, double[] x, int colour) {
            XYPlot plot = new XYPlot();
            ChartTheme.style(plot);
            NumberAxis axis = ChartTheme.valueAxis(panel.title());
            plot.setRangeAxis(axis);
            ReducedLines lines = new ReducedLines(size.pointBudget());
            ReducedLines bars = new ReducedLines(size.pointBudget());
            List<Integer> lineColours = new ArrayList<>();
            List<Integer> barColours = new ArrayList<>();
            int c = colour;
            for (Map.Entry<String, double[]> e : panel.lines().entrySet()) {
                if (panel.bars().contains(e.getKey())) {
                    bars.add(e.getKey(), x, e.getValue());
                    barColours.add(c++);
                } else {
                    lines.add(e.getKey(), x, e.getValue());
                    lineColours.add(c++);
                }
            }
            XYLineAndShapeRenderer lineRenderer = ChartTheme.lines(0, 0);
            for (int i = 0; i < lineColours.size(); i++) {
                lineRenderer.setSeriesPaint(i, ChartTheme.series(lineColours.get(i)));
                lineRenderer.setSeriesStroke(i, ChartTheme.LINE);
            }
            plot.setDataset(0, lines.dataset());
            plot.setRenderer(0, lineRenderer);
            if (bars.seriesCount() > 0) {
                double width = barWidth(x, size.pointBudget());
                plot.setDataset(1, new XYBarDataset(bars.dataset(), width));
                XYBarRenderer barRenderer = new XYBarRenderer();
                barRenderer.setBarPainter(new StandardXYBarPainter());
                barRenderer.setShadowVisible(false);
                for (int i = 0; i < barColours.size(); i++) {
                    barRenderer.setSeriesPaint(i, ChartTheme.series(barColours.get(i)));
                }
                plot.setRenderer(1, barRenderer);
                plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
            }
            for (double guide : panel.guides()) {
                plot.addRangeMarker(new ValueMarker(guide, ChartTheme.MARKER, ChartTheme.DASHED));
            }
            return plot;
        }

        private double[] checkLength(String name, double[] values) {
            Objects.requireNonNull(values, name);
            if (values.length != series.size()) {
                throw new IllegalArgumentException("'" + name + "' has " + values.length + " values for "
                        + series.size() + " bars");
            }
            return values;
        }
    }

    static double[] timesOf(OhlcvSeries series) {
        double[] x = new double[series.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = series.timestamp(i);
        }
        return x;
    }

    /** Bar width in time units: the span of the series over the number of bars drawn. */
    private static double barWidth(double[] x, int budget) {
        if (x.length < 2) {
            return 1;
        }
        double span = x[x.length - 1] - x[0];
        return 0.8 * span / Math.min(x.length - 1, budget);
    }

    static DefaultHighLowDataset candleDataset(String symbol, CandleAggregation.Candles candles) {
        int n = candles.size();
        Date[] dates = new Date[n];
        for (int i = 0; i < n; i++) {
            dates[i] = new Date(candles.time()[i]);
        }
        return new DefaultHighLowDataset(symbol, dates, candles.high(), candles.low(), candles.open(),
                candles.close(), candles.volume());
    }

    static CandlestickRenderer candleRenderer() {
        CandlestickRenderer renderer = new CandlestickRenderer();
        renderer.setAutoWidthMethod(CandlestickRenderer.WIDTHMETHOD_SMALLEST);
        // The default caps a candle at 20 hours wide, too thin for merged or daily candles; the width
        // then follows the spacing of the candles alone.
        renderer.setMaxCandleWidthInMilliseconds(Double.MAX_VALUE);
        renderer.setDrawVolume(false);
        renderer.setUpPaint(ChartTheme.UP);
        renderer.setDownPaint(ChartTheme.DOWN);
        renderer.setSeriesPaint(0, ChartTheme.TEXT);
        renderer.setUseOutlinePaint(false);
        renderer.setDefaultToolTipGenerator(null);
        return renderer;
    }
}
