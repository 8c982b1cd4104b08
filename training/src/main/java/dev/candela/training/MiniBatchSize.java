package dev.candela.training;

import dev.candela.spi.BatchSizeControl;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The training mini-batch size, which the optimizer may halve under memory pressure down to
 * {@link #MINIMUM}. A new size takes effect at the next epoch. Thread-safe.
 */
final class MiniBatchSize implements BatchSizeControl {
    /** Smallest batch {@link #reduce()} goes down to. */
    static final int MINIMUM = 8;

    private final AtomicInteger size;

    MiniBatchSize(int initial) {
        this.size = new AtomicInteger(initial);
    }

    void set(int value) {
        size.set(value);
    }

    @Override
    public String name() {
        return "training.mini-batch";
    }

    @Override
    public int batchSize() {
        return size.get();
    }

    @Override
    public boolean canReduce() {
        return size.get() > MINIMUM;
    }

    @Override
    public int reduce() {
        return size.updateAndGet(s -> s > MINIMUM ? Math.max(MINIMUM, s / 2) : s);
    }
}
