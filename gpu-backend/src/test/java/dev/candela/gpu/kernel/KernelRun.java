package dev.candela.gpu.kernel;

import dev.candela.spi.ParameterSpec;
import dev.candela.spi.Parameters;
import dev.candela.spi.PriceField;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Runs one kernel on host rows of prices and returns its outputs on the host. */
final class KernelRun {
    private final Map<PriceField, double[][]> fields = new EnumMap<>(PriceField.class);

    static KernelRun close(double... close) {
        return new KernelRun().field(PriceField.CLOSE, close);
    }

    static KernelRun bars(double[] high, double[] low, double[] close) {
        return new KernelRun().field(PriceField.HIGH, high).field(PriceField.LOW, low).field(PriceField.CLOSE, close);
    }

    KernelRun field(PriceField field, double... row) {
        fields.put(field, new double[][] {row});
        return this;
    }

    KernelRun rows(PriceField field, double[][] rows) {
        fields.put(field, rows);
        return this;
    }

    /** Every output of {@code id} with these integer or real parameter values, as {@code [output][row][bar]}. */
    double[][][] run(String id, double... parameterValues) {
        DeviceKernel kernel = DeviceKernels.byId(id).orElseThrow();
        List<ParameterSpec> specs = new ArrayList<>();
        for (String name : kernel.parameterNames()) {
            specs.add(ParameterSpec.ofDouble(name, 1, -1e9, 1e9, ""));
        }
        Parameters parameters = Parameters.of(specs, parameterValues);
        Map<PriceField, INDArray> device = new EnumMap<>(PriceField.class);
        fields.forEach((f, rows) -> device.put(f, Matrices.device(rows)));
        List<INDArray> outputs = kernel.compute(parameters, KernelInputs.of(device));
        double[][][] host = new double[outputs.size()][][];
        for (int o = 0; o < outputs.size(); o++) {
            host[o] = Matrices.host(outputs.get(o));
        }
        return host;
    }

    /** The first output's first row. */
    double[] value(String id, double... parameterValues) {
        return run(id, parameterValues)[0][0];
    }
}
