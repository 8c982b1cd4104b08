package dev.candela.visualization.chart;

import dev.candela.core.data.OhlcvSeries;
import dev.candela.core.data.Timeframe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PriceChartTest {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private static Chart chartWithIndicators(OhlcvSeries series, ChartSize size) {
        return PriceChart.builder(series)
                .overlay("sma(20)", ChartFixtures.sma(series, 20))
                .overlay("sma(50)", ChartFixtures.sma(series, 50))
                .panel(new PriceChart.Panel("deviation(20)", Map.of("deviation(20)", ChartFixtures.deviation(series, 20),
                        "deviation(20).hist", ChartFixtures.deviation(series, 5)), List.of("deviation(20).hist"),
                        List.of(0.0)))
                .size(size)
                .build();
    }

    @Test
    void pngHasTheRequestedSize() throws Exception {
        Chart chart = chartWithIndicators(ChartFixtures.market(2_000), new ChartSize(900, 500));
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        chart.writePng(png);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.toByteArray()));
        assertEquals(900, image.getWidth());
        assertEquals(500, image.getHeight());
    }

    @Test
    void svgIsWellFormedAndNamesEveryOverlayAndPanelLine() throws Exception {
        String svg = chartWithIndicators(ChartFixtures.market(2_000), new ChartSize(900, 500)).toSvg();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getTagName());
        for (String name : List.of("sma(20)", "sma(50)", "deviation(20)", "deviation(20).hist")) {
            assertTrue(svg.contains(">" + name + "<"), "no text " + name);
        }
    }

    @Test
    void drawsNoMoreCandlesThanTheWidthHasRoomFor() {
        OhlcvSeries series = ChartFixtures.market(20_000);
        ChartSize size = new ChartSize(600, 400);
        String svg = PriceChart.builder(series).size(size).build().toSvg();
        // 20,000 bars in 200 candles of 100 bars: one filled body per candle.
        assertEquals(200, candleBodies(svg));
    }

    @Test
    void lineStyleDrawsTheCloseReducedToOnePointPerPixel() {
        OhlcvSeries series = ChartFixtures.market(50_000);
        String svg = PriceChart.builder(series).style(PriceChart.Style.LINE).size(new ChartSize(500, 300)).build()
                .toSvg();
        // The close is one path; its vertices are the reduced points.
        Matcher path = Pattern.compile("<path[^>]*d='(M[^']*)'").matcher(svg);
        int longest = 0;
        while (path.find()) {
            longest = Math.max(longest, count(path.group(1), "L") + 1);
        }
        assertEquals(500, longest);
    }

    @Test
    void writeChoosesTheFormatFromTheExtension(@TempDir Path dir) throws Exception {
        Chart chart = PriceChart.builder(ChartFixtures.market(300)).size(new ChartSize(300, 200)).build();
        chart.write(dir.resolve("a.PNG"));
        chart.write(dir.resolve("b.svg"));
        byte[] png = Files.readAllBytes(dir.resolve("a.PNG"));
        byte[] head = new byte[8];
        System.arraycopy(png, 0, head, 0, 8);
        assertArrayEquals(PNG_MAGIC, head);
        assertTrue(Files.readString(dir.resolve("b.svg")).contains("<svg"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> chart.write(dir.resolve("c.jpg")));
        assertTrue(bad.getMessage().contains("c.jpg"));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count());
        }
    }

    @Test
    void rejectsIndicatorValuesOfAnotherLength() {
        OhlcvSeries series = ChartFixtures.market(100);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PriceChart.builder(series).overlay("ema(5)", new double[99]));
        assertTrue(e.getMessage().contains("ema(5)") && e.getMessage().contains("99"));
    }

    @Test
    void multiTimeframeChartDrawsOnePanelPerTimeframe() {
        OhlcvSeries series = ChartFixtures.market(24 * 60).withTimeframe(Timeframe.H1);
        String svg = MultiTimeframeChart.of(series, List.of(Timeframe.H1, Timeframe.H4, Timeframe.D1),
                new ChartSize(900, 700)).toSvg();
        // 900 px hold 300 candles: 1,440 hourly bars merge 5 to a candle (288), 360 four-hour bars
        // 2 to a candle (180), and the 60 daily candles are drawn as they are.
        assertEquals(288 + 180 + 60, candleBodies(svg));
        assertThrows(IllegalArgumentException.class, () -> MultiTimeframeChart.of(series, List.of(), ChartSize.DEFAULT));
    }

    /**
     * Candle bodies: each is outlined as an unfilled rectangle (the fill is left out when open equals
     * close), and nothing else in these charts is.
     */
    static int candleBodies(String svg) {
        Matcher rect = Pattern.compile("<rect [^>]*fill:none'").matcher(svg);
        int n = 0;
        while (rect.find()) {
            n++;
        }
        return n;
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }
}
