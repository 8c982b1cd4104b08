package dev.candela.core;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * What a {@link Candela} runtime closes when it is closed. Bindings that hold threads or native memory
 * (the optimizer's monitor, for one) are created by the injector, which never closes anything; their
 * providers register them here instead, and {@link Candela#close()} closes them in reverse order of
 * registration, before stopping its own compute threads. Injected wherever such a binding is provided.
 */
public final class RuntimeLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(RuntimeLifecycle.class);

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private boolean closed;

    RuntimeLifecycle() {
    }

    /**
     * Closes {@code resource} with the runtime. Registering with a runtime that is already closed closes
     * the resource at once.
     */
    public void closeWithRuntime(AutoCloseable resource) {
        Objects.requireNonNull(resource, "resource");
        synchronized (this) {
            if (!closed) {
                resources.push(resource);
                return;
            }
        }
        closeQuietly(resource);
    }

    /** Closes every registered resource, most recent first; one that fails is logged and the rest still close. */
    void closeAll() {
        while (true) {
            AutoCloseable next;
            synchronized (this) {
                closed = true;
                next = resources.poll();
            }
            if (next == null) {
                return;
            }
            closeQuietly(next);
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            LOG.warn("Closing {} failed: {}", resource, e.toString(), e);
        }
    }
}
