package dev.candela.spi;

import java.util.List;

/**
 * A feature matrix for training: rows on a time index, named feature columns, a class label and the
 * realised forward return per row. Built by the feature pipeline; read by trainers.
 */
public interface FeatureTable {

    int rowCount();

    /** Column names such as {@code 4h:rsi(14)} or {@code 1h:rsi(14)@lag3}. */
    List<String> featureNames();

    /** Open time of row {@code row}'s base bar, epoch milliseconds UTC. */
    long timestamp(int row);

    /** Feature column {@code index}, {@link #rowCount()} values. */
    Column feature(int index);

    /** Number of label classes (e.g. 3 for down / flat / up). */
    int classCount();

    /** Class label of row {@code row}, in {@code [0, classCount())}. */
    int classLabel(int row);

    /** The forward return over {@link #horizon()} bars that the label was derived from. */
    Column forwardReturns();

    /** Label horizon in base bars. */
    int horizon();
}
