package dev.candela.cli;

import dev.candela.core.config.ConfigException;
import dev.candela.core.csv.CsvDataException;
import dev.candela.core.registry.DuplicateProviderException;
import dev.candela.core.runtime.BackendUnavailableException;
import dev.candela.gpu.JavaCppChecks;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.List;

/**
 * The {@code candela} command line. Exit codes: 0 success, 2 bad usage, 3 bad input data, 1 internal
 * error. Errors are one line on stderr; the stack trace only with {@code --verbose}.
 */
@Command(name = "candela", mixinStandardHelpOptions = true, versionProvider = CandelaCli.Version.class,
        description = "GPU-accelerated trading research: indicators, features, training, profiling.",
        subcommands = {HardwareCommand.class, IndicatorsCommand.class, FeaturesCommand.class, AuditLookaheadCommand.class,
                ResampleCommand.class, ValidateCommand.class, GpuCheckCommand.class, TrainCommand.class, DemoCommand.class,
                ChartCommand.class, ReportCommand.class,
                ProfileCommand.class, ExampleCommand.class,
                CommandLine.HelpCommand.class},
        scope = CommandLine.ScopeType.INHERIT)
public final class CandelaCli implements Runnable {

    @Mixin
    GlobalOptions global;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the CLI with the given streams and returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean verbose = List.of(args).contains("--verbose") || List.of(args).contains("-v");
        configureLogging(verbose);
        // Before anything loads JavaCPP (the optimizer's memory sampler can be first).
        JavaCppChecks.turnOffPhysicalMemoryCheckUnlessSet();
        PrintWriter outWriter = new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        CommandLine cli = new CommandLine(new CandelaCli());
        cli.setOut(outWriter);
        cli.setErr(errWriter);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> report(e, errWriter, verbose));
        cli.setParameterExceptionHandler((e, args1) -> {
            errWriter.println("candela: " + e.getMessage());
            errWriter.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCode.USAGE;
        });
        int code = cli.execute(args);
        outWriter.flush();
        errWriter.flush();
        return code;
    }

    /** Maps an exception to its exit code and prints it as one line. */
    static int report(Exception e, PrintWriter err, boolean verbose) {
        int code;
        String message;
        if (e instanceof CsvDataException data) {
            code = ExitCode.BAD_DATA;
            message = data.getMessage();
        } else if (e instanceof NoSuchFileException missing) {
            code = ExitCode.USAGE;
            message = "file not found: " + missing.getFile();
        } else if (e instanceof AccessDeniedException denied) {
            code = ExitCode.USAGE;
            message = "permission denied: " + denied.getFile();
        } else if (e instanceof ConfigException || e instanceof BackendUnavailableException
                || e instanceof DuplicateProviderException || e instanceof IllegalArgumentException
                || e instanceof CommandLine.ParameterException) {
            code = ExitCode.USAGE;
            message = e.getMessage();
        } else {
            code = ExitCode.INTERNAL;
            message = "internal error: " + e + (verbose ? "" : " (run with --verbose for the stack trace)");
        }
        err.println("candela: " + message);
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private static void configureLogging(boolean verbose) {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "info");
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
        setIfAbsent("org.slf4j.simpleLogger.showLogName", verbose ? "true" : "false");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
        setIfAbsent("org.slf4j.simpleLogger.levelInBrackets", "true");
        // ND4J and its dependencies are chatty at INFO.
        setIfAbsent("org.slf4j.simpleLogger.log.org.nd4j", verbose ? "info" : "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.org.deeplearning4j", verbose ? "info" : "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.oshi", "warn");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** Prints the version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = CandelaCli.class.getPackage().getImplementationVersion();
            return new String[] {"candela " + (v != null ? v : "(development build)")};
        }
    }
}
