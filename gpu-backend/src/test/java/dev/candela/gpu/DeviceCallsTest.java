package dev.candela.gpu;

import dev.candela.gpu.kernel.DeviceKernel;
import dev.candela.gpu.kernel.DeviceKernels;
import dev.candela.gpu.kernel.KernelInputs;
import dev.candela.spi.Parameters;
import dev.candela.spi.PriceField;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.profiler.OpProfiler;
import org.nd4j.linalg.profiler.ProfilerConfig;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** No kernel launches work per bar: its device operations do not grow with the length of the series. */
class DeviceCallsTest {
    /** What one more level of every scan of the widest kernel (TEMA: three scans) may add. */
    private static final long EXTRA_LEVELS_ALLOWANCE = 30;

    private static KernelInputs inputs(int bars) {
        TestBatch batch = TestBatch.random(bars, 2, bars);
        Map<PriceField, INDArray> fields = new EnumMap<>(PriceField.class);
        for (PriceField f : PriceField.values()) {
            double[] values = new double[2 * bars];
            for (int s = 0; s < 2; s++) {
                batch.column(f, s).copyTo(0, values, s * bars, bars);
            }
            fields.put(f, Transfers.upload(values, 2, bars, DataType.DOUBLE));
        }
        return KernelInputs.of(fields);
    }

    private static long deviceCalls(DeviceKernel kernel, Parameters parameters, KernelInputs in) {
        OpProfiler.getInstance().reset();
        Nd4j.getExecutioner().setProfilingConfig(ProfilerConfig.builder().checkElapsedTime(true).build());
        try {
            kernel.compute(parameters, in);
            return OpProfiler.getInstance().getInvocationsCount();
        } finally {
            Nd4j.getExecutioner().setProfilingConfig(ProfilerConfig.builder().build());
        }
    }

    @Test
    void fiftyTimesTheBarsAddAtMostAFewScanLevels() {
        KernelInputs few = inputs(2_000);
        KernelInputs many = inputs(100_000);
        List<String> growing = new ArrayList<>();
        for (String id : DeviceKernels.ids()) {
            DeviceKernel kernel = DeviceKernels.byId(id).orElseThrow();
            for (double[] values : KernelParameters.BY_ID.get(id)) {
                Parameters parameters = new KernelShaped(kernel).bind(values);
                long short1 = deviceCalls(kernel, parameters, few);
                long long1 = deviceCalls(kernel, parameters, many);
                if (short1 == 0 || long1 - short1 > EXTRA_LEVELS_ALLOWANCE) {
                    growing.add(id + java.util.Arrays.toString(values) + ": " + short1 + " calls for 2,000 bars, "
                            + long1 + " for 100,000");
                }
            }
        }
        assertEquals(List.of(), growing);
    }
}
