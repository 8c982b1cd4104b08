package dev.candela.cpu;

import dev.candela.spi.CandelaPlugin;
import dev.candela.spi.Indicator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The first-party indicator library, registered as a plugin like any other. */
public final class CpuIndicators implements CandelaPlugin {
    @Override
    public String name() {
        return "candela-cpu-indicators";
    }

    @Override
    public Collection<Indicator> indicators() {
        List<Indicator> all = new ArrayList<>();
        all.addAll(dev.candela.cpu.overlap.OverlapIndicators.all());
        all.addAll(dev.candela.cpu.momentum.MomentumIndicators.all());
        all.addAll(dev.candela.cpu.window.WindowIndicators.all());
        return List.copyOf(all);
    }
}
