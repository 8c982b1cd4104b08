package dev.candela.benchmarks;

import dev.candela.spi.BarBatch;
import dev.candela.spi.PriceField;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.num.DoubleNum;
import org.ta4j.core.num.Num;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The ta4j counterpart of a {@link ComparedIndicator}, timed the way ta4j is used: indicator objects over a
 * {@link BarSeries}, asked for their value bar by bar.
 *
 * <p>Each call builds its indicators afresh, because ta4j caches values inside them: reusing one would
 * time a cache lookup from the second call on. Every value is read into a plain {@code double[]}, the
 * form the other implementations produce.
 */
@FunctionalInterface
interface Ta4jFunction {

    /**
     * Computes every output at every bar of {@code series} into {@code outputs}, in Candela's output order.
     */
    void compute(BarSeries series, double[][] outputs);

    /** ta4j's indicator objects for {@code indicator}. */
    static Ta4jFunction of(ComparedIndicator indicator) {
        switch (indicator) {
            case RSI: {
                int period = indicator.period(0);
                return (series, out) -> fill(new RSIIndicator(new ClosePriceIndicator(series), period), out[0]);
            }
            case EMA: {
                int period = indicator.period(0);
                return (series, out) -> fill(new EMAIndicator(new ClosePriceIndicator(series), period), out[0]);
            }
            case SMA: {
                int period = indicator.period(0);
                return (series, out) -> fill(new SMAIndicator(new ClosePriceIndicator(series), period), out[0]);
            }
            case MACD: {
                int fast = indicator.period(0);
                int slow = indicator.period(1);
                int signalPeriod = indicator.period(2);
                return (series, out) -> {
                    MACDIndicator macd = new MACDIndicator(new ClosePriceIndicator(series), fast, slow);
                    EMAIndicator signal = new EMAIndicator(macd, signalPeriod);
                    int n = series.getBarCount();
                    for (int i = 0; i < n; i++) {
                        Num line = macd.getValue(i);
                        Num smoothed = signal.getValue(i);
                        out[0][i] = line.doubleValue();
                        out[1][i] = smoothed.doubleValue();
                        out[2][i] = line.minus(smoothed).doubleValue();
                    }
                };
            }
            case BBANDS: {
                int period = indicator.period(0);
                double width = indicator.argument(1);
                return (series, out) -> {
                    ClosePriceIndicator close = new ClosePriceIndicator(series);
                    BollingerBandsMiddleIndicator middle =
                            new BollingerBandsMiddleIndicator(new SMAIndicator(close, period));
                    StandardDeviationIndicator deviation = new StandardDeviationIndicator(close, period);
                    Num k = series.numOf(width);
                    BollingerBandsUpperIndicator upper = new BollingerBandsUpperIndicator(middle, deviation, k);
                    BollingerBandsLowerIndicator lower = new BollingerBandsLowerIndicator(middle, deviation, k);
                    int n = series.getBarCount();
                    for (int i = 0; i < n; i++) {
                        out[0][i] = upper.getValue(i).doubleValue();
                        out[1][i] = middle.getValue(i).doubleValue();
                        out[2][i] = lower.getValue(i).doubleValue();
                    }
                };
            }
            case ATR: {
                int period = indicator.period(0);
                return (series, out) -> fill(new ATRIndicator(series, period), out[0]);
            }
            default:
                throw new IllegalArgumentException("no ta4j indicator for " + indicator.spec());
        }
    }

    private static void fill(Indicator<Num> indicator, double[] out) {
        int n = indicator.getBarSeries().getBarCount();
        for (int i = 0; i < n; i++) {
            out[i] = indicator.getValue(i).doubleValue();
        }
    }

    /**
     * One symbol of {@code bars} as a ta4j series of {@link DoubleNum} values, ta4j's fastest number type;
     * each bar ends one {@code period} after its open time.
     */
    static BarSeries series(BarBatch bars, int symbol, Duration period) {
        BarSeries series = new BaseBarSeriesBuilder().withName(bars.symbol(symbol)).withNumTypeOf(DoubleNum.class)
                .build();
        double[] open = bars.column(PriceField.OPEN, symbol).toArray();
        double[] high = bars.column(PriceField.HIGH, symbol).toArray();
        double[] low = bars.column(PriceField.LOW, symbol).toArray();
        double[] close = bars.column(PriceField.CLOSE, symbol).toArray();
        double[] volume = bars.column(PriceField.VOLUME, symbol).toArray();
        for (int i = 0; i < bars.barCount(); i++) {
            ZonedDateTime end = Instant.ofEpochMilli(bars.timestamp(i)).plus(period).atZone(ZoneOffset.UTC);
            series.addBar(period, end, series.numOf(open[i]), series.numOf(high[i]), series.numOf(low[i]),
                    series.numOf(close[i]), series.numOf(volume[i]));
        }
        return series;
    }
}
