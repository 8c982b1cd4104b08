/**
 * Charts drawn with JFreeChart and written as PNG or SVG (JFreeSVG): {@link dev.candela.visualization.chart.PriceChart}
 * (candles or line, indicator overlays and panels), {@link dev.candela.visualization.chart.MultiTimeframeChart},
 * {@link dev.candela.visualization.chart.LineChart} for series of any length, and
 * {@link dev.candela.visualization.chart.RunCharts} for training runs and optimizer reports. Every series is
 * reduced to the chart's {@link dev.candela.visualization.chart.ChartSize pixel budget} before drawing.
 */
package dev.candela.visualization.chart;
