package dev.candela.core.registry;

import dev.candela.spi.CandelaPlugin;
import dev.candela.spi.Indicator;

import java.util.Collection;
import java.util.List;

/** Registered in this module's test resources, so ServiceLoader finds it. */
public final class TestPlugin implements CandelaPlugin {
    @Override
    public Collection<Indicator> indicators() {
        return List.of(new RunningSum());
    }
}
