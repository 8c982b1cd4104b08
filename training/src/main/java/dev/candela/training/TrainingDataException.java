package dev.candela.training;

/**
 * The data cannot be trained on: too few rows for the buckets asked for, a missing or non-finite
 * feature value, labels that do not fit the task. The message says what and where.
 */
public final class TrainingDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrainingDataException(String message) {
        super(message);
    }
}
