package dev.candela.visualization.chart;

/**
 * A chart's size in pixels. It also sets the chart's point budget: a line keeps at most one point per
 * horizontal pixel, a candle takes at least {@value #PIXELS_PER_CANDLE} pixels.
 *
 * @param width  width in pixels, 100 to 10,000
 * @param height height in pixels, 100 to 10,000
 */
public record ChartSize(int width, int height) {
    /** The size charts take when none is given. */
    public static final ChartSize DEFAULT = new ChartSize(1200, 700);
    /** Horizontal pixels a candle needs to stay readable. */
    public static final int PIXELS_PER_CANDLE = 3;

    public ChartSize {
        if (width < 100 || width > 10_000 || height < 100 || height > 10_000) {
            throw new IllegalArgumentException("chart size must be 100 to 10000 pixels each way, got "
                    + width + "x" + height);
        }
    }

    /** Most points a line of this chart keeps. */
    public int pointBudget() {
        return width;
    }

    /** Most candles this chart draws. */
    public int candleBudget() {
        return width / PIXELS_PER_CANDLE;
    }
}
