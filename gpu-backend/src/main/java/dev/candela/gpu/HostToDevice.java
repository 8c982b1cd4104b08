package dev.candela.gpu;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Copies a host matrix to the device: the one allocation of every batch chunk that the backend makes
 * itself, and so the place where tests make allocations fail.
 */
@FunctionalInterface
interface HostToDevice {

    /** A {@code rows x bars} device matrix of {@code type} from row-major {@code values}, in one copy. */
    INDArray upload(double[] values, long rows, long bars, DataType type);
}
