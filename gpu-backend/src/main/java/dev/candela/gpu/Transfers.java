package dev.candela.gpu;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The host-device copies: one per input field per chunk on the way in, one per output on the way out.
 * Single-precision data is converted on the host, so only half the bytes travel.
 */
final class Transfers {
    private Transfers() {
    }

    /** The real {@link HostToDevice}: {@code Nd4j.create} of a Java array, into the active workspace. */
    static INDArray upload(double[] values, long rows, long bars, DataType type) {
        long[] shape = {rows, bars};
        if (type == DataType.DOUBLE) {
            return Nd4j.create(values, shape, 'c');
        }
        if (type != DataType.FLOAT) {
            throw new IllegalArgumentException("only DOUBLE and FLOAT are supported, not " + type);
        }
        float[] narrow = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            narrow[i] = (float) values[i];
        }
        return Nd4j.create(narrow, shape, 'c');
    }

    /** The values of a device matrix, row-major, widened to double on the host. */
    static double[] download(INDArray x) {
        INDArray dense = x.isView() || x.ordering() != 'c' || x.data().length() != x.length() ? x.dup('c') : x;
        if (dense.dataType() == DataType.DOUBLE) {
            return dense.data().asDouble();
        }
        float[] narrow = dense.castTo(DataType.FLOAT).data().asFloat();
        double[] wide = new double[narrow.length];
        for (int i = 0; i < narrow.length; i++) {
            wide[i] = narrow[i];
        }
        return wide;
    }
}
