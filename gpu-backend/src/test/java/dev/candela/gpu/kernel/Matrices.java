package dev.candela.gpu.kernel;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

/** Host-side test matrices and the conversions to and from ND4J. */
final class Matrices {
    private Matrices() {
    }

    static INDArray device(double[][] rows) {
        int n = rows[0].length;
        double[] flat = new double[rows.length * n];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, flat, r * n, n);
        }
        return Nd4j.create(flat, new long[] {rows.length, n}, 'c');
    }

    static INDArray device(double... row) {
        return device(new double[][] {row});
    }

    static double[][] host(INDArray x) {
        INDArray d = x.castTo(DataType.DOUBLE).dup('c');
        int rows = (int) d.size(0);
        int n = (int) d.size(1);
        double[] flat = d.data().asDouble();
        double[][] out = new double[rows][n];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(flat, r * n, out[r], 0, n);
        }
        return out;
    }

    static double[] hostRow(INDArray x) {
        return host(x)[0];
    }

    /** A random walk around {@code level} with steps of about {@code step}. */
    static double[][] walks(Random random, int rows, int n, double level, double step) {
        double[][] out = new double[rows][n];
        for (int r = 0; r < rows; r++) {
            double x = level * (1 + r * 0.1);
            for (int i = 0; i < n; i++) {
                x = Math.max(step, x + step * random.nextGaussian());
                out[r][i] = x;
            }
        }
        return out;
    }

    /** Relative difference with a floor of 1 on the scale, as the agreement rules measure it. */
    static double relative(double a, double b) {
        return Math.abs(a - b) / Math.max(1.0, Math.abs(b));
    }
}
