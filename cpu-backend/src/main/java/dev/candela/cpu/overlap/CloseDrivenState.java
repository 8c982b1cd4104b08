package dev.candela.cpu.overlap;

import dev.candela.spi.IndicatorState;
import dev.candela.spi.StateReader;
import dev.candela.spi.StateWriter;

import java.util.Objects;

/**
 * Base of the streaming states of this package, whose indicators all read the close: counts bars,
 * checks output indices and saves the count next to the subclass's own values.
 */
abstract class CloseDrivenState implements IndicatorState {
    private final int outputs;
    private long barsSeen;

    CloseDrivenState(int outputs) {
        this.outputs = outputs;
    }

    @Override
    public final void update(long timestamp, double open, double high, double low, double close, double volume) {
        barsSeen++;
        push(close);
    }

    /** Feeds the next close. */
    abstract void push(double close);

    @Override
    public final double value(int output) {
        Objects.checkIndex(output, outputs);
        return output(output);
    }

    /** Output {@code output}, already range-checked. */
    abstract double output(int output);

    @Override
    public final long barsSeen() {
        return barsSeen;
    }

    @Override
    public final void save(StateWriter out) {
        out.putLong("bars", barsSeen);
        saveValues(out);
    }

    @Override
    public final void restore(StateReader in) {
        long bars = in.getLong("bars");
        if (bars < 0) {
            throw new IllegalStateException("state: negative bar count " + bars);
        }
        restoreValues(in);
        barsSeen = bars;
    }

    abstract void saveValues(StateWriter out);

    abstract void restoreValues(StateReader in);
}
