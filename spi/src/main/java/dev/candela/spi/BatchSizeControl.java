package dev.candela.spi;

/** A batch size that the optimizer may shrink under memory pressure (GPU chunks, training mini-batches). */
public interface BatchSizeControl {

    String name();

    int batchSize();

    /** Whether {@link #reduce()} can still shrink the batch. */
    boolean canReduce();

    /** Shrinks the batch size and returns the new one. */
    int reduce();
}
