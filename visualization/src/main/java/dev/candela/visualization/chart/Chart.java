package dev.candela.visualization.chart;

import dev.candela.core.io.AtomicFiles;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A chart ready to be written as PNG or SVG. Every series it holds has already been reduced to its
 * pixel budget, so writing it costs the same whatever the length of the source data.
 */
public interface Chart {

    /** Width in pixels. */
    int width();

    /** Height in pixels. */
    int height();

    /** Writes the chart as a PNG image. */
    void writePng(OutputStream out) throws IOException;

    /** The chart as a standalone SVG document. */
    String toSvg();

    /**
     * The chart as an {@code <svg>} element to place inside an HTML page: it scales to the width of its
     * container, and every id it defines starts with {@code id} so that several charts can share a page.
     */
    String toSvgElement(String id);

    /** Writes the chart to {@code file} atomically, as PNG or SVG after the file's extension. */
    default void write(Path file) throws IOException {
        ChartFormat format = ChartFormat.of(file);
        if (format == ChartFormat.PNG) {
            AtomicFiles.write(file, this::writePng);
        } else {
            String svg = toSvg();
            AtomicFiles.write(file, out -> out.write(svg.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
