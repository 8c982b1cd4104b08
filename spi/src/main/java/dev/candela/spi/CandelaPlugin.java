package dev.candela.spi;

import java.util.Collection;
import java.util.List;

/**
 * The one entry point of a plugin, listed in {@code META-INF/services/dev.candela.spi.CandelaPlugin}.
 * Every method has a default, so a plugin overrides only what it offers.
 */
public interface CandelaPlugin {

    /** Name used in logs and in error messages about duplicate ids. */
    default String name() {
        return getClass().getName();
    }

    default Collection<Indicator> indicators() {
        return List.of();
    }

    default Collection<Trainer> trainers() {
        return List.of();
    }

    default Collection<Optimizer> optimizers() {
        return List.of();
    }
}
