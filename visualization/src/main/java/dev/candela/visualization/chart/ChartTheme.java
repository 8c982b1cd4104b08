package dev.candela.visualization.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.TimeZone;

/** Colours, fonts and strokes shared by every chart, so that all of them look alike. */
final class ChartTheme {
    static final Color BACKGROUND = Color.WHITE;
    static final Color GRID = new Color(0xE3E6EA);
    static final Color TEXT = new Color(0x2B2F36);
    static final Color UP = new Color(0x1A9E5A);
    static final Color DOWN = new Color(0xD64541);
    static final Color MARKER = new Color(0x8A8F98);
    static final Color TRANSFER = new Color(0x7B4FC9);
    static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final BasicStroke LINE = new BasicStroke(1.3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final BasicStroke DASHED = new BasicStroke(1.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {4f, 3f}, 0f);

    /** A qualitative palette that stays readable on white (after Tableau 10). */
    private static final Color[] SERIES = {
        new Color(0x4E79A7), new Color(0xF28E2B), new Color(0x59A14F), new Color(0xE15759), new Color(0x76B7B2),
        new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7), new Color(0x9C755F), new Color(0xBAB0AC)
    };

    private ChartTheme() {
    }

    static Paint series(int index) {
        return SERIES[Math.floorMod(index, SERIES.length)];
    }

    static JFreeChart chart(String title, org.jfree.chart.plot.Plot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, legend);
        chart.setBackgroundPaint(BACKGROUND);
        chart.setAntiAlias(true);
        if (chart.getTitle() != null) {
            chart.getTitle().setPaint(TEXT);
        }
        LegendTitle legendTitle = chart.getLegend();
        if (legendTitle != null) {
            legendTitle.setPosition(RectangleEdge.TOP);
            legendTitle.setItemFont(LABEL_FONT);
            legendTitle.setFrame(org.jfree.chart.block.BlockBorder.NONE);
            legendTitle.setBackgroundPaint(BACKGROUND);
        }
        return chart;
    }

    static void style(XYPlot plot) {
        plot.setBackgroundPaint(BACKGROUND);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);
    }

    static DateAxis timeAxis() {
        DateAxis axis = new DateAxis();
        axis.setTimeZone(TimeZone.getTimeZone("UTC"));
        axis.setTickLabelFont(LABEL_FONT);
        axis.setLowerMargin(0.01);
        axis.setUpperMargin(0.01);
        return axis;
    }

    static NumberAxis valueAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        axis.setTickLabelFont(LABEL_FONT);
        axis.setLabelFont(LABEL_FONT);
        return axis;
    }

    static XYLineAndShapeRenderer lines(int firstColour, int count) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true);
        for (int i = 0; i < count; i++) {
            renderer.setSeriesPaint(i, series(firstColour + i));
            renderer.setSeriesStroke(i, LINE);
        }
        return renderer;
    }
}
