package dev.candela.core.features;

import dev.candela.core.registry.RunningSum;
import dev.candela.spi.CandelaPlugin;
import dev.candela.spi.Indicator;

import java.util.Collection;
import java.util.List;

/** The test indicators of the features tests, handed to a registry directly (not via ServiceLoader). */
final class FeatureTestPlugin implements CandelaPlugin {
    @Override
    public Collection<Indicator> indicators() {
        return List.of(new RunningSum(), new CloseEcho(), new SmoothedClose(), new PeekAhead());
    }
}
