package dev.candela.spi;

/** The group an indicator is listed under, following TA-Lib's grouping. */
public enum Category {
    OVERLAP, MOMENTUM, VOLATILITY, VOLUME, STATISTIC, OTHER
}
