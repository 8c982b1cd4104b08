package dev.candela.cli;

import dev.candela.core.config.CandelaConfig;
import dev.candela.core.hardware.HardwareProbe;
import dev.candela.optimizer.OptimizerModule;
import dev.candela.optimizer.PerformanceOptimizer;
import dev.candela.optimizer.report.OptimizerReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code candela profile --out report.json -- <command>}: runs another candela command in this process
 * with profiling and resource monitoring on, then writes the optimizer's report and prints its summary.
 */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = {"Run a candela command with profiling and resource monitoring on, write the optimizer's "
                + "JSON report (profile table, resource time series, actions, suggestions) and print a summary.",
                "Put the command after --, e.g. candela profile --out report.json -- features --indicators rsi(14) "
                        + "--out f.csv. The report is written also when the command fails; the exit code is the "
                        + "command's."})
final class ProfileCommand implements Callable<Integer> {

    @ParentCommand
    CandelaCli parent;

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE",
            description = "The JSON report (written atomically).")
    Path out;

    @Option(names = "--interval", paramLabel = "MS",
            description = "Resource sampling interval in milliseconds (default: optimizer.sampleIntervalMillis "
                    + "of the configuration, 1000).")
    Long intervalMillis;

    @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The candela command to run and its arguments.")
    List<String> command;

    @Override
    public Integer call() throws Exception {
        if (command.get(0).equals(spec.name())) {
            throw new CommandLine.ParameterException(spec.commandLine(), "profile cannot run itself");
        }
        if (intervalMillis != null && intervalMillis < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--interval must be at least 1 millisecond, was " + intervalMillis);
        }
        GlobalOptions global = parent.global;
        CandelaConfig config = global.config != null ? CandelaConfig.read(global.config) : CandelaConfig.load();
        PerformanceOptimizer.Builder builder = PerformanceOptimizer.builder(HardwareProbe.create().probe(), config);
        if (intervalMillis != null) {
            builder.sampleInterval(Duration.ofMillis(intervalMillis));
        }
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        int code;
        long wallNanos;
        PerformanceOptimizer optimizer = builder.build();
        try {
            optimizer.start();
            List<com.google.inject.Module> before = GlobalOptions.EXTRA_MODULES.get();
            GlobalOptions.EXTRA_MODULES.set(List.of(OptimizerModule.sharing(optimizer)));
            long start = System.nanoTime();
            try {
                code = inner(global.verbose).execute(innerArguments(global).toArray(String[]::new));
            } finally {
                wallNanos = System.nanoTime() - start;
                GlobalOptions.EXTRA_MODULES.set(before);
            }
        } finally {
            optimizer.close();
        }
        // One last reading, so that even a command shorter than the interval has the state it ended in.
        optimizer.sampleNow();
        OptimizerReport report = optimizer.report(command, wallNanos);
        try {
            report.save(out);
        } catch (IOException e) {
            stderr.println("candela: cannot write the report " + out + ": " + e);
            stderr.flush();
            return code != ExitCode.OK ? code : ExitCode.INTERNAL;
        }
        stdout.print(report.summaryText());
        stdout.println("Report written to " + out);
        stdout.flush();
        return code;
    }

    /** The command line of the inner command: this invocation's global options, then the command. */
    private List<String> innerArguments(GlobalOptions global) {
        List<String> args = new ArrayList<>();
        if (global.backend != null) {
            args.add("--backend");
            args.add(global.backend.key());
        }
        if (global.config != null) {
            args.add("--config");
            args.add(global.config.toString());
        }
        if (global.plugins != null) {
            args.add("--plugins");
            args.add(global.plugins.toString());
        }
        if (global.verbose) {
            args.add("--verbose");
        }
        args.addAll(command);
        return args;
    }

    /** A command line like the outer one: same streams, same error handling and exit codes. */
    private CommandLine inner(boolean verbose) {
        CommandLine outer = spec.commandLine();
        PrintWriter err = outer.getErr();
        CommandLine cli = new CommandLine(new CandelaCli());
        cli.setOut(outer.getOut());
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> CandelaCli.report(e, err, verbose));
        cli.setParameterExceptionHandler((e, args) -> {
            err.println("candela: " + e.getMessage());
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCode.USAGE;
        });
        return cli;
    }
}
