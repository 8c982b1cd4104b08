package dev.candela.optimizer;

/** Asks the JVM to collect garbage and tells how much heap that freed; replaced by a fake in tests. */
@FunctionalInterface
interface GarbageCollection {

    /** Collects and returns the heap bytes freed, 0 when none or unknown. */
    long collect();

    /** {@link System#gc()}, measuring used heap before and after. */
    static GarbageCollection jvm() {
        return () -> {
            Runtime rt = Runtime.getRuntime();
            long before = rt.totalMemory() - rt.freeMemory();
            System.gc();
            long after = rt.totalMemory() - rt.freeMemory();
            return Math.max(0, before - after);
        };
    }
}
