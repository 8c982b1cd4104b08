package dev.candela.visualization.chart;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.MeetOrSlice;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/** A {@link Chart} drawn by JFreeChart: PNG through its own encoder, SVG through JFreeSVG. */
final class RenderedChart implements Chart {
    private final JFreeChart chart;
    private final int width;
    private final int height;

    RenderedChart(JFreeChart chart, int width, int height) {
        this.chart = Objects.requireNonNull(chart, "chart");
        this.width = width;
        this.height = height;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public void writePng(OutputStream out) throws IOException {
        ChartUtils.writeChartAsPNG(out, chart, width, height);
    }

    @Override
    public String toSvg() {
        return draw("chart-").getSVGDocument();
    }

    @Override
    public String toSvgElement(String id) {
        Objects.requireNonNull(id, "id");
        return draw(id + "-").getSVGElement(id, false, new ViewBox(0, 0, width, height),
                PreserveAspectRatio.XMID_YMID, MeetOrSlice.MEET);
    }

    private SVGGraphics2D draw(String prefix) {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        g2.setDefsKeyPrefix(prefix);
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        g2.dispose();
        return g2;
    }
}
