package dev.candela.cli;

import dev.candela.core.data.Timeframe;
import picocli.CommandLine;

/** Parses {@code 1h} and friends with the core's message for a bad value. */
final class TimeframeConverter implements CommandLine.ITypeConverter<Timeframe> {
    @Override
    public Timeframe convert(String value) {
        try {
            return Timeframe.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
