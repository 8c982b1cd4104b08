package dev.candela.visualization.chart;

import java.nio.file.Path;
import java.util.Locale;

/** The image formats charts are written in. */
public enum ChartFormat {
    /** Raster image. */
    PNG,
    /** Vector image. */
    SVG;

    /**
     * The format named by {@code file}'s extension ({@code .png} or {@code .svg}, any case).
     *
     * @throws IllegalArgumentException for any other extension
     */
    public static ChartFormat of(Path file) {
        Path name = file.getFileName();
        String text = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        if (text.endsWith(".png")) {
            return PNG;
        }
        if (text.endsWith(".svg")) {
            return SVG;
        }
        throw new IllegalArgumentException("cannot tell the chart format of '" + file
                + "': the file name must end in .png or .svg");
    }
}
