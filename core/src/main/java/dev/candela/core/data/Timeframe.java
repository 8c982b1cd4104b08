package dev.candela.core.data;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The bar sizes Candela works with, from one minute to one week, labelled as exchanges label them
 * ({@code 1m}, {@code 4h}, {@code 1w}).
 *
 * <p>Bars open on UTC boundaries: an hour bar at a full UTC hour, a day bar at UTC midnight and a week
 * bar on Monday 00:00 UTC, as Binance and most exchanges do. Every bar size up to a day divides a day
 * evenly, so all of them are aligned to UTC midnight, and a week is aligned to every smaller size.
 */
public enum Timeframe {
    M1("1m", 60_000L),
    M3("3m", 3 * 60_000L),
    M5("5m", 5 * 60_000L),
    M15("15m", 15 * 60_000L),
    M30("30m", 30 * 60_000L),
    H1("1h", 3_600_000L),
    H2("2h", 2 * 3_600_000L),
    H4("4h", 4 * 3_600_000L),
    H6("6h", 6 * 3_600_000L),
    H12("12h", 12 * 3_600_000L),
    D1("1d", 86_400_000L),
    W1("1w", 7 * 86_400_000L);

    /** The epoch (1970-01-01) was a Thursday; the first Monday 00:00 UTC came four days later. */
    private static final long FIRST_MONDAY_MILLIS = 4 * 86_400_000L;

    private static final Timeframe[] ALL = values();

    private final String label;
    private final long millis;

    Timeframe(String label, long millis) {
        this.label = label;
        this.millis = millis;
    }

    /**
     * The timeframe with the given label, e.g. {@code "1h"}. Hours, days and weeks may be written in
     * upper case ({@code "4H"}); {@code "1M"} is refused because exchanges use it for a month.
     *
     * @throws IllegalArgumentException for anything else, listing the valid labels
     */
    public static Timeframe parse(String text) {
        if (text != null) {
            String trimmed = text.trim();
            for (Timeframe timeframe : ALL) {
                if (timeframe.label.equals(trimmed)) {
                    return timeframe;
                }
            }
            boolean monthNotation = trimmed.endsWith("M");
            if (!monthNotation) {
                for (Timeframe timeframe : ALL) {
                    if (timeframe.label.equalsIgnoreCase(trimmed)) {
                        return timeframe;
                    }
                }
            }
        }
        throw new IllegalArgumentException("Unknown timeframe '" + text + "'; valid timeframes are " + validLabels()
                + (text != null && text.trim().endsWith("M") ? " (minutes are a lower-case 'm'; months are not supported)" : ""));
    }

    /** The timeframe whose bars last exactly {@code millis}, if there is one. */
    public static Optional<Timeframe> ofMillis(long millis) {
        for (Timeframe timeframe : ALL) {
            if (timeframe.millis == millis) {
                return Optional.of(timeframe);
            }
        }
        return Optional.empty();
    }

    /**
     * The timeframe of a sorted run of bar open times, judged by the most common step between neighbours
     * (so that gaps do not mislead it); empty when there are fewer than two times or the most common
     * step is not one of the known sizes.
     */
    public static Optional<Timeframe> detect(LongColumn timestamps) {
        long step = GapReport.mostCommonStep(timestamps);
        return step > 0 ? ofMillis(step) : Optional.empty();
    }

    /** The labels of all timeframes, comma separated, smallest first. */
    public static String validLabels() {
        return Arrays.stream(ALL).map(t -> t.label).collect(Collectors.joining(", "));
    }

    /** The exchange-style label, e.g. {@code 15m}. */
    public String label() {
        return label;
    }

    /** Length of one bar in milliseconds. */
    public long millis() {
        return millis;
    }

    public Duration duration() {
        return Duration.ofMillis(millis);
    }

    /** Open time of the bar that contains {@code epochMillis}: the last UTC boundary at or before it. */
    public long floor(long epochMillis) {
        if (this == W1) {
            return epochMillis - Math.floorMod(epochMillis - FIRST_MONDAY_MILLIS, millis);
        }
        return epochMillis - Math.floorMod(epochMillis, millis);
    }

    /** Whether {@code epochMillis} is a bar boundary of this timeframe. */
    public boolean isAligned(long epochMillis) {
        return floor(epochMillis) == epochMillis;
    }

    /**
     * Whether every bar of this timeframe is made of whole bars of {@code base}, i.e. whether {@code base}
     * can be resampled to this timeframe. A timeframe is a multiple of itself.
     */
    public boolean isMultipleOf(Timeframe base) {
        // Boundaries line up as well as lengths: every size divides a day, and weeks start at midnight.
        return millis % base.millis == 0;
    }

    /** Prints the label, e.g. {@code 1h}. */
    @Override
    public String toString() {
        return label;
    }
}
