package dev.candela.gpu;

import dev.candela.gpu.kernel.DeviceKernel;
import dev.candela.spi.BarBatch;
import dev.candela.spi.Indicator;
import dev.candela.spi.IndicatorOutput;
import dev.candela.spi.IndicatorState;
import dev.candela.spi.ParameterSpec;
import dev.candela.spi.Parameters;
import dev.candela.spi.PriceField;

import java.util.List;
import java.util.Set;

/**
 * An indicator with exactly a kernel's metadata and no CPU code of its own, for tests that only exercise
 * the device path (memory, workspaces) and must never fall back.
 */
record KernelShaped(DeviceKernel kernel) implements Indicator {

    @Override
    public String id() {
        return kernel.id();
    }

    @Override
    public List<ParameterSpec> parameters() {
        return kernel.parameterNames().stream().map(n -> ParameterSpec.ofDouble(n, 1, 0, 1e6, "")).toList();
    }

    @Override
    public Set<PriceField> inputs() {
        return kernel.inputs();
    }

    @Override
    public List<String> outputs() {
        return kernel.outputs();
    }

    @Override
    public int lookback(Parameters p) {
        return kernel.lookback(p);
    }

    @Override
    public void compute(Parameters p, BarBatch bars, IndicatorOutput out) {
        throw new AssertionError(kernel.id() + " was to run on the device only");
    }

    @Override
    public IndicatorState newState(Parameters p) {
        throw new UnsupportedOperationException("batch only");
    }
}
