package dev.candela.core.io;

import java.io.IOException;

/**
 * Work on a resource that may fail with an {@link IOException}, e.g. writing a file's content to a stream.
 *
 * @param <T> the resource, e.g. an {@link java.io.OutputStream} or {@link java.io.Writer}
 */
@FunctionalInterface
public interface IoConsumer<T> {

    void accept(T resource) throws IOException;
}
