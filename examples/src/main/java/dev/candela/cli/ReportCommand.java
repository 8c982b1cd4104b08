package dev.candela.cli;

import dev.candela.visualization.dashboard.Dashboard;
import dev.candela.visualization.run.RunDataException;
import dev.candela.visualization.run.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code candela report}: a training run's dashboard as one self-contained HTML file. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write a training run's dashboard: metrics per bucket, training curves, transfers and, from "
                + "the optimizer's report (the run's profile.json, or --profile), suggestions, the top profiled "
                + "functions and resource use.",
                "The page is one HTML file with everything inline; it opens offline."})
final class ReportCommand implements Callable<Integer> {

    @ParentCommand
    CandelaCli parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--run", required = true, paramLabel = "DIR", description = "The run folder, e.g. runs/NAME.")
    Path run;

    @Option(names = "--profile", paramLabel = "FILE",
            description = "Optimizer report to include (default: the run's profile.json when there is one).")
    Path profile;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE",
            description = "Output HTML file (written atomically).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(run)) {
            throw new NoSuchFileException(run.toString(), null, "run folder not found");
        }
        if (profile != null && !Files.isRegularFile(profile)) {
            throw new NoSuchFileException(profile.toString(), null, "optimizer report not found");
        }
        Dashboard dashboard;
        try {
            dashboard = Dashboard.ofRunDirectory(run, profile);
        } catch (RunDataException bad) {
            spec.commandLine().getErr().println("candela: " + bad.getMessage());
            return ExitCode.BAD_DATA;
        }
        dashboard.write(out);
        TrainingRun shown = dashboard.run();
        spec.commandLine().getOut().printf("run %s: %s, %d of %d buckets trained -> %s%n",
                shown.runId().isEmpty() ? run.toString() : shown.runId(),
                shown.status().name().toLowerCase(java.util.Locale.ROOT), shown.endedBuckets(), shown.bucketCount(), out);
        return ExitCode.OK;
    }
}
