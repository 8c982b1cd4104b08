package dev.candela.gpu.kernel;

import dev.candela.spi.Indicator;
import dev.candela.spi.ParameterSpec;
import dev.candela.spi.Parameters;
import dev.candela.spi.PriceField;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Set;

/**
 * An indicator's computation as whole-matrix ND4J operations over a batch of rows (symbols) by bars.
 *
 * <p>A kernel is found by indicator id and serves an {@link Indicator} only when that indicator has the
 * parameters, outputs, inputs and lookback the kernel was written for ({@link #serves}), so a plugin that
 * reuses an id for something else keeps running on its own code.
 */
public interface DeviceKernel {

    /** The id of the indicator this kernel computes, e.g. {@code rsi}. */
    String id();

    /** The indicator's parameter names, in order. */
    List<String> parameterNames();

    /** The indicator's output names, in order. */
    List<String> outputs();

    /** The price fields read. */
    Set<PriceField> inputs();

    /** Leading bars without a value, as the indicator defines them. */
    int lookback(Parameters parameters);

    /**
     * Device bytes one row needs while this kernel runs, outputs included and the shared inputs excluded:
     * what the memory plan reserves per symbol.
     */
    long workingBytesPerRow(Parameters parameters, long bars, int elementBytes);

    /**
     * Computes every output, each {@code rows x bars}. Values before the lookback are unspecified (the caller
     * masks them) but finite, so that nothing undefined flows into later bars.
     */
    List<INDArray> compute(Parameters parameters, KernelInputs inputs);

    /**
     * For an output that is a multiple of a rolling standard deviation (alone or added to a mean) and that
     * this ND4J backend cannot compute in TA-Lib's rounding order, that multiple; 0 for every other output.
     * TA-Lib computes such deviations from running sums over the whole series, whose rounding leaves them off
     * by up to a few tenths of a millionth of the price where the variance is near zero. In double precision
     * on nd4j-native the device replays those sums bit for bit and this is 0 for every output; on a backend
     * whose prefix sum adds in a tree (CUDA) the device's deviations are exact instead, and comparisons with
     * TA-Lib-exact code allow for TA-Lib's drift on these outputs.
     */
    default double deviationMultiplier(Parameters parameters, int output) {
        return 0.0;
    }

    /** Whether this kernel computes exactly what {@code indicator} computes with {@code parameters}. */
    default boolean serves(Indicator indicator, Parameters parameters) {
        if (!id().equals(indicator.id()) || !outputs().equals(indicator.outputs())
                || !inputs().equals(indicator.inputs())) {
            return false;
        }
        List<String> names = indicator.parameters().stream().map(ParameterSpec::name).toList();
        return names.equals(parameterNames()) && parameters.size() == names.size()
                && lookback(parameters) == indicator.lookback(parameters);
    }
}
