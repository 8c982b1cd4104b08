package org.example.schaff;

import dev.candela.spi.CandelaPlugin;
import dev.candela.spi.Indicator;

import java.util.Collection;
import java.util.List;

/** The plugin's single entry point, listed in {@code META-INF/services/dev.candela.spi.CandelaPlugin}. */
public final class SchaffPlugin implements CandelaPlugin {

    @Override
    public String name() {
        return "Schaff Trend Cycle example plugin";
    }

    @Override
    public Collection<Indicator> indicators() {
        return List.of(new SchaffTrendCycle());
    }
}
