package dev.candela.core.data;

import dev.candela.spi.PriceField;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules every candle must satisfy, shared by the CSV reader and by checks of series built in memory:
 * all values are finite numbers, open times strictly increase, no price or volume is negative, and
 * {@code low <= min(open, close) <= max(open, close) <= high}.
 *
 * <p>Rules are checked in that order and the first broken one is reported, naming the column a person
 * would fix: for {@code high < low} that is {@code high}, as for any bar whose high is too low.
 */
public final class BarValidator {
    /** The column name used for open times in violations. */
    public static final String TIMESTAMP = "timestamp";

    private static final String OPEN = PriceField.OPEN.key();
    private static final String HIGH = PriceField.HIGH.key();
    private static final String LOW = PriceField.LOW.key();
    private static final String CLOSE = PriceField.CLOSE.key();
    private static final String VOLUME = PriceField.VOLUME.key();

    private BarValidator() {
    }

    /**
     * Checks one candle against the one before it.
     *
     * @param bar               index reported in the violation
     * @param hasPrevious       whether a previous candle exists
     * @param previousTimestamp open time of the previous candle; ignored without one
     * @return the first rule the candle breaks, or {@code null} when it is valid
     */
    public static BarViolation check(int bar, boolean hasPrevious, long previousTimestamp, long timestamp,
                                     double open, double high, double low, double close, double volume) {
        if (!Double.isFinite(open) || !Double.isFinite(high) || !Double.isFinite(low) || !Double.isFinite(close)
                || !Double.isFinite(volume)) {
            return nonFinite(bar, open, high, low, close, volume);
        }
        if (hasPrevious && timestamp <= previousTimestamp) {
            return new BarViolation(bar, TIMESTAMP, timestamp == previousTimestamp
                    ? Instant.ofEpochMilli(timestamp) + " repeats the previous row's timestamp"
                    : Instant.ofEpochMilli(timestamp) + " is before the previous row's timestamp "
                    + Instant.ofEpochMilli(previousTimestamp));
        }
        if (open < 0 || high < 0 || low < 0 || close < 0 || volume < 0) {
            return negative(bar, open, high, low, close, volume);
        }
        if (high < low) {
            return new BarViolation(bar, HIGH, high + " is below low " + low);
        }
        if (high < open) {
            return new BarViolation(bar, HIGH, high + " is below open " + open);
        }
        if (high < close) {
            return new BarViolation(bar, HIGH, high + " is below close " + close);
        }
        if (low > open) {
            return new BarViolation(bar, LOW, low + " is above open " + open);
        }
        if (low > close) {
            return new BarViolation(bar, LOW, low + " is above close " + close);
        }
        return null;
    }

    /** Every violation in {@code series}, at most one per candle, in candle order. */
    public static List<BarViolation> validate(OhlcvSeries series) {
        List<BarViolation> violations = new ArrayList<>();
        double[] open = series.array(PriceField.OPEN);
        double[] high = series.array(PriceField.HIGH);
        double[] low = series.array(PriceField.LOW);
        double[] close = series.array(PriceField.CLOSE);
        double[] volume = series.array(PriceField.VOLUME);
        long[] times = series.timeArray();
        int offset = series.offset();
        for (int bar = 0; bar < series.size(); bar++) {
            int i = offset + bar;
            BarViolation violation = check(bar, bar > 0, bar > 0 ? times[i - 1] : 0, times[i],
                    open[i], high[i], low[i], close[i], volume[i]);
            if (violation != null) {
                violations.add(violation);
            }
        }
        return violations;
    }

    private static BarViolation nonFinite(int bar, double open, double high, double low, double close,
                                          double volume) {
        String column = !Double.isFinite(open) ? OPEN : !Double.isFinite(high) ? HIGH
                : !Double.isFinite(low) ? LOW : !Double.isFinite(close) ? CLOSE : VOLUME;
        double value = !Double.isFinite(open) ? open : !Double.isFinite(high) ? high
                : !Double.isFinite(low) ? low : !Double.isFinite(close) ? close : volume;
        return new BarViolation(bar, column, value + " is not a finite number");
    }

    private static BarViolation negative(int bar, double open, double high, double low, double close,
                                         double volume) {
        String column = open < 0 ? OPEN : high < 0 ? HIGH : low < 0 ? LOW : close < 0 ? CLOSE : VOLUME;
        double value = open < 0 ? open : high < 0 ? high : low < 0 ? low : close < 0 ? close : volume;
        return new BarViolation(bar, column, value + " is negative");
    }
}
