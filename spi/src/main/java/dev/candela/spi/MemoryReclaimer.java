package dev.candela.spi;

/** Something that can give memory back when the optimizer sees pressure. */
public interface MemoryReclaimer {

    /** How hard the optimizer asks. */
    enum Pressure { MODERATE, CRITICAL }

    String name();

    /** Frees what it can for this level of pressure; returns an estimate of the bytes released. */
    long reclaim(Pressure pressure);
}
