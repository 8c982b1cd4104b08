package dev.candela.optimizer.report;

/**
 * Something the optimizer did under resource pressure.
 *
 * @param timeMillis    when, in epoch milliseconds
 * @param kind          {@code memory-cleanup} or {@code batch-reduction}
 * @param trigger       the reading that caused it, e.g. {@code heap 91% > 85%}
 * @param detail        what was done, e.g. which caches gave how much back
 * @param bytesReleased an estimate of the memory freed (0 for a batch reduction)
 */
public record ActionTaken(long timeMillis, String kind, String trigger, String detail, long bytesReleased) {

    /** Kind of an action that asked caches and the garbage collector to free memory. */
    public static final String MEMORY_CLEANUP = "memory-cleanup";
    /** Kind of an action that shrank a batch size. */
    public static final String BATCH_REDUCTION = "batch-reduction";
}
