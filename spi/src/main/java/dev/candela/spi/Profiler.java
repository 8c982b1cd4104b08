package dev.candela.spi;

import java.util.function.Supplier;

/** Times named sections of code; nested scopes give self and total time. */
public interface Profiler {

    /** Opens a timed scope; close it (try-with-resources) on the same thread. */
    Scope scope(String name);

    /** Whether timings are being recorded. */
    boolean isEnabled();

    /** Times {@code work} under {@code name}. */
    default <T> T time(String name, Supplier<T> work) {
        Scope scope = scope(name);
        try {
            return work.get();
        } finally {
            scope.close();
        }
    }

    /** Times {@code work} under {@code name}. */
    default void time(String name, Runnable work) {
        Scope scope = scope(name);
        try {
            work.run();
        } finally {
            scope.close();
        }
    }

    /** A profiler that records nothing. */
    static Profiler disabled() {
        return DisabledProfiler.INSTANCE;
    }

    /** An open timing scope. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
