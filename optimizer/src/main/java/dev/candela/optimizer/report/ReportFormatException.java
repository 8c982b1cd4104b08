package dev.candela.optimizer.report;

/** A report file that is not a readable {@code candela-optimizer-report}; the message names file, line and field. */
public final class ReportFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ReportFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
