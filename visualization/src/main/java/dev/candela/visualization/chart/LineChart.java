package dev.candela.visualization.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Lines of any length against a time or number axis. Each line is reduced to the chart's point budget
 * (one point per horizontal pixel) with Largest-Triangle-Three-Buckets while the chart is built: the
 * chart keeps only the reduced points, and building it allocates {@code O(width)} memory beyond the
 * caller's arrays, however long they are.
 */
public final class LineChart {

    private LineChart() {
    }

    /** A builder of a chart with no lines yet. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects the lines. */
    public static final class Builder {
        private String title = "";
        private String valueLabel = "";
        private boolean timeAxis;
        private ChartSize size = ChartSize.DEFAULT;
        private final Map<String, double[][]> lines = new LinkedHashMap<>();

        private Builder() {
        }

        /** The chart's title. */
        public Builder title(String value) {
            title = Objects.requireNonNull(value, "title");
            return this;
        }

        /** The value axis label. */
        public Builder valueLabel(String value) {
            valueLabel = Objects.requireNonNull(value, "valueLabel");
            return this;
        }

        /** Whether x values are epoch milliseconds shown as UTC dates (default: plain numbers). */
        public Builder timeAxis(boolean value) {
            timeAxis = value;
            return this;
        }

        /** The chart's size; default {@link ChartSize#DEFAULT}. */
        public Builder size(ChartSize value) {
            size = Objects.requireNonNull(value, "size");
            return this;
        }

        /** Adds a line through ({@code x[i]}, {@code y[i]}); x ascending, {@code NaN} y for a gap. */
        public Builder line(String name, double[] x, double[] y) {
            Objects.requireNonNull(name, "name");
            if (x.length != y.length) {
                throw new IllegalArgumentException("'" + name + "': x has " + x.length + " values but y has " + y.length);
            }
            lines.put(name, new double[][] {x, y});
            return this;
        }

        /** Builds the chart, reducing every line to the point budget. */
        public Chart build() {
            ReducedLines reduced = new ReducedLines(size.pointBudget());
            lines.forEach((name, xy) -> reduced.add(name, xy[0], xy[1]));
            ValueAxis domain = timeAxis ? ChartTheme.timeAxis() : ChartTheme.valueAxis("");
            XYPlot plot = new XYPlot(reduced.dataset(), domain, ChartTheme.valueAxis(valueLabel),
                    ChartTheme.lines(0, reduced.seriesCount()));
            ChartTheme.style(plot);
            JFreeChart chart = ChartTheme.chart(title, plot, reduced.seriesCount() > 1);
            return new RenderedChart(chart, size.width(), size.height());
        }
    }
}
