package dev.candela.training;

import dev.candela.spi.CandelaPlugin;
import dev.candela.spi.Trainer;

import java.util.Collection;
import java.util.List;

/** Registers the {@code progressive} trainer with Candela's plugin registry. */
public final class TrainingPlugin implements CandelaPlugin {

    @Override
    public String name() {
        return "candela-training";
    }

    @Override
    public Collection<Trainer> trainers() {
        return List.of(new ProgressiveTrainer());
    }
}
