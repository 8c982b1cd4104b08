package dev.candela.cli;

/** The CLI's exit codes. */
public final class ExitCode {
    /** Success. */
    public static final int OK = 0;
    /** Internal error: a bug or an unexpected failure. */
    public static final int INTERNAL = 1;
    /** A check the command ran found a problem (e.g. a leaking feature in {@code audit-lookahead}). */
    public static final int CHECK_FAILED = 1;
    /** Bad usage: options, configuration, or a request this machine cannot serve. */
    public static final int USAGE = 2;
    /** Bad input data: the message names the file, line and column. */
    public static final int BAD_DATA = 3;

    private ExitCode() {
    }
}
