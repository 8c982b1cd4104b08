package dev.candela.core.registry;

/** Two providers claim the same id; the message names both classes. */
public final class DuplicateProviderException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    DuplicateProviderException(String kind, String id, Class<?> first, Class<?> second) {
        super(kind + " id '" + id + "' is provided twice: by " + first.getName() + " and by " + second.getName());
    }
}
