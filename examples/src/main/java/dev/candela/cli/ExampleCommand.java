package dev.candela.cli;

import dev.candela.examples.LongSeriesChart;
import dev.candela.examples.ProfiledTraining;
import dev.candela.examples.ResourceReport;
import dev.candela.examples.StreamingStrategy;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code candela example NAME}: the runnable examples of {@code dev.candela.examples}, whose source is meant to be read. */
@Command(name = "example", mixinStandardHelpOptions = true,
        description = "Run one of the bundled examples (their source is in dev.candela.examples).",
        subcommands = {StreamingStrategy.class, ProfiledTraining.class, LongSeriesChart.class, ResourceReport.class})
final class ExampleCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing example name: one of " + String.join(", ", spec.subcommands().keySet()));
    }
}
